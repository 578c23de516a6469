package io.hearth.bench;

import java.util.UUID;

/** Realistic commerce events of about 400 bytes, each with a unique message id. */
final class EventFactory {

    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    String event(long sequence) {
        long customer = sequence % 50_000;
        return "{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"customer-" + customer
                + "\",\"messageId\":\"" + runId + "-" + sequence
                + "\",\"timestamp\":\"2026-11-24T10:00:00Z\",\"properties\":{\"product_id\":\"sku-"
                + (sequence % 4_000) + "\",\"name\":\"Ceramic mug, speckled blue\",\"category\":\"Kitchen\","
                + "\"price\":\"24.90\",\"currency\":\"EUR\"},\"context\":{\"ip\":\"10.1.2.3\",\"userAgent\":"
                + "\"Mozilla/5.0 (X11; Linux x86_64)\",\"page\":{\"path\":\"/products/mug\"}}}";
    }

    String batch(long firstSequence, int size) {
        StringBuilder batch = new StringBuilder(size * 420).append("{\"batch\":[");
        for (int i = 0; i < size; i++) {
            batch.append(i == 0 ? "" : ",").append(event(firstSequence + i));
        }
        return batch.append("]}").toString();
    }
}
