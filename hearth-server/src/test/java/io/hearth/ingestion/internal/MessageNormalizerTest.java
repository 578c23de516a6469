package io.hearth.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.FieldError;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Segment message rules without a server: fast and exhaustive. */
class MessageNormalizerTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T12:00:00Z");
    private final JsonMapper json = JsonMapper.builder().build();
    private final MessageNormalizer normalizer = new MessageNormalizer(json);

    @Test
    void fillsMessageIdAndTimestampsWhenAbsent() {
        PendingEvent event = accept("track", "{\"userId\":\"u\",\"event\":\"E\"}");

        assertThat(event.messageId()).startsWith("hearth-");
        assertThat(event.timestamp()).isEqualTo(RECEIVED);
        assertThat(payload(event).get("receivedAt").asString()).isEqualTo(RECEIVED.toString());
    }

    @Test
    void correctsTheClientClockWithSentAt() {
        PendingEvent event = accept(
                "track",
                "{\"userId\":\"u\",\"event\":\"E\",\"timestamp\":\"2026-11-24T12:30:00Z\",\"sentAt\":\"2026-11-24T12:30:05Z\"}");

        assertThat(event.timestamp()).isEqualTo(RECEIVED.minusSeconds(5));
    }

    @Test
    void timestampsWithoutOffsetAreUtc() {
        PendingEvent event =
                accept("track", "{\"userId\":\"u\",\"event\":\"E\",\"timestamp\":\"2026-01-02T03:04:05\"}");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void numericIdsBecomeStrings() {
        PendingEvent event = accept("identify", "{\"userId\":42,\"traits\":{}}");

        assertThat(event.userId()).isEqualTo("42");
    }

    @Test
    void batchContextIsInheritedAndTheEventsOwnWins() {
        JsonNode batchContext = json.readTree("{\"library\":{\"name\":\"batch\"},\"ip\":\"1.2.3.4\"}");
        MessageDefaults defaults = new MessageDefaults(batchContext, null, null, RECEIVED, "EUR");

        NormalizedMessage normalized = normalizer.normalize(
                json.readTree("{\"type\":\"page\",\"userId\":\"u\",\"context\":{\"ip\":\"5.6.7.8\"}}"), null, defaults);

        JsonNode context = payload(normalized.accepted().orElseThrow()).get("context");
        assertThat(context.get("library").get("name").asString()).isEqualTo("batch");
        assertThat(context.get("ip").asString()).isEqualTo("5.6.7.8");
    }

    @Test
    void eachTypeChecksItsOwnRequiredFields() {
        assertThat(pointers("alias", "{\"userId\":\"u\"}")).containsExactly("/previousId");
        assertThat(pointers("group", "{\"userId\":\"u\"}")).containsExactly("/groupId");
        assertThat(pointers("track", "{\"userId\":\"u\"}")).containsExactly("/event");
        assertThat(pointers("identify", "{\"userId\":\"u\",\"traits\":\"gold\"}"))
                .containsExactly("/traits");
        assertThat(pointers("page", "{\"userId\":\"u\",\"event\":\"E\"}")).containsExactly("/event");
    }

    @Test
    void anEventNeedsSomeone() {
        NormalizedMessage normalized = normalize("screen", "{\"name\":\"Cart\"}");

        assertThat(normalized.reason()).isEqualTo("missing-identity");
        assertThat(normalized.errors()).extracting(FieldError::pointer).containsExactly("/userId");
    }

    @Test
    void productEventsNeedAProductIdOrSku() {
        assertThat(pointers("track", "{\"userId\":\"u\",\"event\":\"Product Added\",\"properties\":{\"price\":1}}"))
                .containsExactly("/properties/product_id");
        assertThat(accept("track", "{\"userId\":\"u\",\"event\":\"Product Added\",\"properties\":{\"sku\":\"S\"}}"))
                .isNotNull();
    }

    @Test
    void refundsNeedAnOrderId() {
        assertThat(pointers("track", "{\"userId\":\"u\",\"event\":\"Order Refunded\",\"properties\":{}}"))
                .containsExactly("/properties/order_id");
    }

    private PendingEvent accept(String type, String body) {
        return normalize(type, body)
                .accepted()
                .orElseThrow(() -> new AssertionError(normalize(type, body).errors()));
    }

    private NormalizedMessage normalize(String type, String body) {
        return normalizer.normalize(json.readTree(body), type, MessageDefaults.none(RECEIVED, "EUR"));
    }

    private java.util.List<String> pointers(String type, String body) {
        return normalize(type, body).errors().stream().map(FieldError::pointer).toList();
    }

    private JsonNode payload(PendingEvent event) {
        return json.readTree(event.payload());
    }
}
