package io.hearth.messaging;

import static java.util.Objects.requireNonNull;

import io.hearth.privacy.Purpose;
import io.hearth.shared.CustomerId;
import java.util.Map;

/**
 * One message to send.
 *
 * @param idempotencyKey the caller's natural key, e.g. {@code run:step}; the same key again never
 *     sends a second message but answers the first one's outcome
 * @param variables extra template variables, under {@code vars}
 */
public record SendRequest(
        CustomerId customer,
        String templateKey,
        MessageChannel channel,
        Purpose purpose,
        String idempotencyKey,
        Attribution attribution,
        Map<String, Object> variables) {

    public SendRequest {
        requireNonNull(customer, "customer is null");
        requireNonNull(templateKey, "templateKey is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(purpose, "purpose is null");
        requireNonNull(idempotencyKey, "idempotencyKey is null");
        requireNonNull(attribution, "attribution is null");
        variables = Map.copyOf(variables);
    }
}
