package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Push through the FCM-style API, under the channel contract. */
class PushAdapterTest extends HttpChannelContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    ChannelAdapter adapterAt(String baseUrl) {
        return new PushAdapter(
                settings(new MessagingSettings.Channels(
                        "http://unused", "", "", "", baseUrl, "hearth-shop", "ya29.token", TIMEOUT)),
                JSON);
    }

    @Override
    String successBody() {
        return "{\"name\": \"projects/hearth-shop/messages/0:1234\"}";
    }

    @Override
    String recipient() {
        return "device-token-abc";
    }

    @Test
    void theRequestHasFcmsShape() {
        DeliveryResult result = adapter().deliver(message());

        Request request = requests.getFirst();
        JsonNode body = JSON.readTree(request.body()).get("message");
        assertThat(result).isEqualTo(new DeliveryResult.Accepted("projects/hearth-shop/messages/0:1234"));
        assertThat(request.path()).isEqualTo("/v1/projects/hearth-shop/messages:send");
        assertThat(request.authorization()).isEqualTo("Bearer ya29.token");
        assertThat(body.get("token").asString()).isEqualTo("device-token-abc");
        assertThat(body.get("notification").get("title").asString()).isEqualTo("Your order shipped");
        assertThat(body.get("notification").get("body").asString()).isEqualTo("On its way");
        assertThat(body.get("data").get("hearth_message_id").asString()).isNotBlank();
    }

    @Test
    void anUnregisteredTokenIsUndeliverableButANotFoundWithoutThatCodeIsOnlyPermanent() {
        status.set(404);
        failureBody.set("""
                {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND",
                  "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNREGISTERED"}]}}
                """);
        DeliveryResult uninstalled = adapter().deliver(message());
        failureBody.set("{\"error\": {\"code\": 404, \"status\": \"NOT_FOUND\"}}");
        DeliveryResult wrongProject = adapter().deliver(message());

        assertThat(uninstalled).isInstanceOf(DeliveryResult.Undeliverable.class);
        assertThat(wrongProject).isInstanceOf(DeliveryResult.Permanent.class);
    }
}
