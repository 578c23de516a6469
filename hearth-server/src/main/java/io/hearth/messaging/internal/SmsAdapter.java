package io.hearth.messaging.internal;

import io.hearth.messaging.MessageChannel;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * SMS through a Twilio-style API: {@code POST {base}/2010-04-01/Accounts/{account}/Messages.json} with
 * a form body ({@code To}, {@code From}, {@code Body}, and {@code StatusCallback}: the message's signed
 * status link, where Twilio reports delivery and failure) and basic auth; the answer's {@code sid} is
 * the provider reference. A 400 naming an invalid, non-mobile or unknown number is undeliverable, and
 * the number is suppressed.
 */
@Component
class SmsAdapter implements ChannelAdapter {

    /** Twilio's codes for a number that cannot receive: invalid, not a mobile, unknown, landline. */
    private static final Pattern DEAD_NUMBER = Pattern.compile("\"code\"\\s*:\\s*(21211|21614|30005|30006)\\b");

    private static final Pattern SID = Pattern.compile("\"sid\"\\s*:\\s*\"([^\"]+)\"");

    private final MessagingSettings.Channels settings;
    private final ProviderHttp http;

    SmsAdapter(MessagingSettings settings) {
        this.settings = settings.channels();
        this.http = new ProviderHttp(this.settings.providerTimeout());
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.SMS;
    }

    @Override
    public DeliveryResult deliver(OutgoingMessage message) {
        if (settings.smsAccount().isBlank()) {
            return new DeliveryResult.Permanent("no SMS provider account configured");
        }
        String form = "To=" + encode(message.recipient()) + "&From=" + encode(settings.smsFrom()) + "&Body="
                + encode(message.text() == null ? "" : message.text()) + "&StatusCallback="
                + encode(message.statusUrl().toString());
        String credentials = settings.smsAccount() + ":" + settings.smsToken();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.smsBaseUrl() + "/2010-04-01/Accounts/"
                        + encode(settings.smsAccount()) + "/Messages.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("I-Twilio-Idempotency-Token", message.messageId().toString())
                .POST(HttpRequest.BodyPublishers.ofString(form));
        return http.send(
                request,
                body -> {
                    Matcher sid = SID.matcher(body);
                    return sid.find() ? sid.group(1) : message.messageId().toString();
                },
                (status, body) -> status == 400 && DEAD_NUMBER.matcher(body).find());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
