package io.hearth.privacy.internal;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of a tenant's decision chain exactly as stored, and how its hash is computed:
 * {@code hex(SHA-256(previous hash || canonical content))}, where the canonical content is a JSON
 * array of every stored column but the hash, and the first entry's predecessor is {@link #GENESIS}.
 */
record DecisionEntry(
        TenantId tenant,
        long sequence,
        UUID decisionId,
        String customer,
        String type,
        String inputs,
        String modelVersion,
        String outcome,
        String reason,
        Instant occurredAt,
        Instant recordedAt) {

    /** The hash before the first entry of every chain. */
    static final String GENESIS = "0".repeat(64);

    /** Writes objects with sorted property names, so equal inputs always hash alike. */
    static final JsonMapper CANONICAL =
            JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    DecisionEntry {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(decisionId, "decisionId is null");
        requireNonNull(customer, "customer is null");
        requireNonNull(type, "type is null");
        requireNonNull(inputs, "inputs is null");
        requireNonNull(modelVersion, "modelVersion is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(occurredAt, "occurredAt is null");
        requireNonNull(recordedAt, "recordedAt is null");
    }

    /** The content that is hashed; JSON escaping keeps field boundaries unambiguous. */
    String canonicalContent() {
        return CANONICAL.writeValueAsString(List.of(
                tenant.toString(),
                sequence,
                decisionId.toString(),
                customer,
                type,
                inputs,
                modelVersion,
                outcome,
                reason,
                occurredAt.toString(),
                recordedAt.toString()));
    }

    String hashAfter(String previousHash) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update(canonicalContent().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
