package io.hearth.privacy;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A decision as the log holds it.
 *
 * @param sequence its position in the tenant's chain, from 1
 * @param hash hex SHA-256 of the previous entry's hash and this entry's canonical content
 */
public record RecordedDecision(
        long sequence,
        UUID decisionId,
        CustomerId customer,
        String type,
        JsonNode inputs,
        String modelVersion,
        String outcome,
        String reason,
        Instant occurredAt,
        Instant recordedAt,
        String hash) {

    public RecordedDecision {
        requireNonNull(decisionId, "decisionId is null");
        requireNonNull(customer, "customer is null");
        requireNonNull(type, "type is null");
        requireNonNull(inputs, "inputs is null");
        requireNonNull(modelVersion, "modelVersion is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(occurredAt, "occurredAt is null");
        requireNonNull(recordedAt, "recordedAt is null");
        requireNonNull(hash, "hash is null");
    }
}
