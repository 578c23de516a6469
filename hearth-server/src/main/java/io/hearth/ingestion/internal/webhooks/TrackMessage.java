package io.hearth.ingestion.internal.webhooks;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Segment track message built from a platform's payload, so that webhooks pass the same validation
 * and commerce normalization as events sent to {@code /v1/track}.
 */
final class TrackMessage {

    private final String platform;
    private final ObjectNode message = JsonNodeFactory.instance.objectNode();
    private final ObjectNode properties;
    private final ObjectNode context;

    private TrackMessage(String platform, String event, String messageId) {
        this.platform = requireNonNull(platform, "platform is null");
        message.put("type", "track");
        message.put("event", requireNonNull(event, "event is null"));
        message.put("messageId", requireNonNull(messageId, "messageId is null"));
        context = message.putObject("context");
        properties = message.putObject("properties");
        properties.put("platform", platform);
    }

    static TrackMessage of(String platform, String event, String messageId) {
        return new TrackMessage(platform, event, messageId);
    }

    TrackMessage timestamp(@Nullable Instant timestamp) {
        if (timestamp != null) {
            message.put("timestamp", timestamp.toString());
        }
        return this;
    }

    /**
     * Who the event is about: the platform's customer id as userId when there is a customer, otherwise
     * an anonymousId from the guest's email or, without one, from the given token (checkout token,
     * order key), so that a guest's checkout and order still meet. Email and phone go to
     * {@code context.traits}, the customer id also to {@code context.externalIds} as Segment does.
     */
    TrackMessage customer(
            @Nullable String customerId, @Nullable String email, @Nullable String phone, String fallbackKey) {
        if (customerId != null) {
            message.put("userId", customerId);
            ObjectNode externalId = context.putArray("externalIds").addObject();
            externalId.put("id", customerId);
            externalId.put("type", platform + "_customer_id");
            externalId.put("collection", "users");
            externalId.put("encoding", "none");
        } else {
            message.put("anonymousId", platform + "-guest:" + (email != null ? email : fallbackKey));
        }
        if (email != null || phone != null) {
            ObjectNode traits = context.putObject("traits");
            putText(traits, "email", email);
            putText(traits, "phone", phone);
        }
        return this;
    }

    TrackMessage text(String field, @Nullable String value) {
        putText(properties, field, value);
        return this;
    }

    TrackMessage money(String field, @Nullable BigDecimal value) {
        if (value != null) {
            properties.put(field, value);
        }
        return this;
    }

    /** Adds a line to {@code properties.products}, in the Segment e-commerce spec's fields. */
    TrackMessage product(ProductLine line) {
        ObjectNode product = properties.withArray("products").addObject();
        putText(product, "product_id", line.productId());
        putText(product, "sku", line.sku());
        putText(product, "name", line.name());
        if (line.price() != null) {
            product.put("price", line.price());
        }
        if (line.quantity() != null) {
            product.put("quantity", line.quantity());
        }
        putText(product, "variant", line.variant());
        return this;
    }

    ObjectNode properties() {
        return properties;
    }

    ObjectNode build() {
        return message.deepCopy();
    }

    /** One product of an order, checkout or refund. */
    record ProductLine(
            @Nullable String productId,
            @Nullable String sku,
            @Nullable String name,
            @Nullable BigDecimal price,
            @Nullable Long quantity,
            @Nullable String variant) {}

    static void putText(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
