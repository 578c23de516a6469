package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SMS through the Twilio-style API, under the channel contract. */
class SmsAdapterTest extends HttpChannelContract {

    @Override
    ChannelAdapter adapterAt(String baseUrl) {
        return new SmsAdapter(settings(new MessagingSettings.Channels(
                baseUrl, "AC123", "secret", "+15550001111", "http://unused", "", "", TIMEOUT)));
    }

    @Override
    String successBody() {
        return "{\"sid\": \"SM42\", \"status\": \"queued\"}";
    }

    @Override
    String recipient() {
        return "+15557654321";
    }

    @Test
    void theRequestHasTwiliosShape() {
        DeliveryResult result = adapter().deliver(message());

        Request request = requests.getFirst();
        assertThat(result).isEqualTo(new DeliveryResult.Accepted("SM42"));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/AC123/Messages.json");
        assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.authorization()).isEqualTo("Basic QUMxMjM6c2VjcmV0");
        assertThat(request.body())
                .isEqualTo("To=%2B15557654321&From=%2B15550001111&Body=On+its+way"
                        + "&StatusCallback=http%3A%2F%2Flocalhost%2Fv1%2Ft%2Fs%2Ftoken");
    }

    @Test
    void aNumberTwilioSaysIsInvalidIsUndeliverableAndOtherClientErrorsOnlyPermanent() {
        status.set(400);
        failureBody.set("{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\"}");
        DeliveryResult invalidNumber = adapter().deliver(message());
        failureBody.set("{\"code\": 21606, \"message\": \"The 'From' phone number is not valid.\"}");
        DeliveryResult badSender = adapter().deliver(message());

        assertThat(invalidNumber).isInstanceOf(DeliveryResult.Undeliverable.class);
        assertThat(badSender).isInstanceOf(DeliveryResult.Permanent.class);
    }

    @Test
    void withoutAnAccountNothingIsCalledAndTheFailureSaysWhy() {
        SmsAdapter unconfigured = new SmsAdapter(settings(new MessagingSettings.Channels(
                "http://127.0.0.1:" + provider.getAddress().getPort(), "", "", "", "", "", "", Duration.ofSeconds(1))));

        assertThat(unconfigured.deliver(message()))
                .isEqualTo(new DeliveryResult.Permanent("no SMS provider account configured"));
        assertThat(requests).isEmpty();
    }
}
