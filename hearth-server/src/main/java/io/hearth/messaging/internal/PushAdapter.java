package io.hearth.messaging.internal;

import io.hearth.messaging.MessageChannel;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Push through an FCM-style API: {@code POST {base}/v1/projects/{project}/messages:send} with
 * {@code {"message": {"token", "notification": {"title", "body"}, "data": {"hearth_message_id"}}}} and a
 * bearer token; the answer's {@code name} is the provider reference.
 */
@Component
class PushAdapter implements ChannelAdapter {

    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    private final MessagingSettings.Channels settings;
    private final ProviderHttp http;
    private final JsonMapper json;

    PushAdapter(MessagingSettings settings, JsonMapper json) {
        this.settings = settings.channels();
        this.http = new ProviderHttp(this.settings.providerTimeout());
        this.json = json;
    }

    /** FCM answers 404 UNREGISTERED for a token whose app was uninstalled, 400 for one that never was. */
    static boolean deadToken(int status, String body) {
        // A 404 without UNREGISTERED is a wrong project or URL, which says nothing about the token.
        return body.contains("UNREGISTERED") || (status == 400 && body.contains("registration token"));
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.PUSH;
    }

    @Override
    public DeliveryResult deliver(OutgoingMessage message) {
        if (settings.pushProject().isBlank()) {
            return new DeliveryResult.Permanent("no push provider project configured");
        }
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("title", message.subject() == null ? "" : message.subject());
        notification.put("body", message.text() == null ? "" : message.text());
        Map<String, Object> body = Map.of(
                "message",
                Map.of(
                        "token", message.recipient(),
                        "notification", notification,
                        "data", Map.of("hearth_message_id", message.messageId().toString())));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        settings.pushBaseUrl() + "/v1/projects/" + settings.pushProject() + "/messages:send"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.pushToken())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return http.send(
                request,
                answer -> {
                    Matcher name = NAME.matcher(answer);
                    return name.find() ? name.group(1) : message.messageId().toString();
                },
                PushAdapter::deadToken);
    }
}
