package io.hearth.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PayloadTreesTest {

    private final StoredEvent viewed =
            event("{\"type\":\"track\",\"properties\":{\"product_id\":\"p-1\",\"price\":19.99}}");
    private final StoredEvent ordered = event("{\"type\":\"track\",\"properties\":{\"order_id\":\"o-1\"}}");

    @Test
    void whileSharedEachPayloadIsParsedOnceForAllReaders() {
        JsonNode[] seen = new JsonNode[3];
        PayloadTrees.shareWhile(() -> {
            seen[0] = viewed.payloadTree();
            seen[1] = viewed.payloadTree();
            seen[2] = ordered.payloadTree();
        });

        assertThat(seen[1]).isSameAs(seen[0]);
        assertThat(seen[2]).isNotSameAs(seen[0]);
        assertThat(seen[0].path("properties").path("price").decimalValue()).isEqualByComparingTo("19.99");
        assertThat(seen[2].path("properties").path("order_id").asString()).isEqualTo("o-1");
    }

    @Test
    void outsideASharedBatchEveryReaderGetsItsOwnTree() {
        assertThat(viewed.payloadTree()).isNotSameAs(viewed.payloadTree()).isEqualTo(viewed.payloadTree());
    }

    @Test
    void aBatchSharedInsideAnotherKeepsTheOuterBatchTreesAfterwards() {
        JsonNode[] seen = new JsonNode[3];
        PayloadTrees.shareWhile(() -> {
            seen[0] = viewed.payloadTree();
            PayloadTrees.shareWhile(() -> seen[1] = viewed.payloadTree());
            seen[2] = viewed.payloadTree();
        });

        assertThat(seen[1]).isNotSameAs(seen[0]);
        assertThat(seen[2]).isSameAs(seen[0]);
    }

    private static StoredEvent event(String payload) {
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        return new StoredEvent(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "m-" + UUID.randomUUID(),
                "track",
                "Product Viewed",
                "u-1",
                null,
                now,
                now,
                payload);
    }
}
