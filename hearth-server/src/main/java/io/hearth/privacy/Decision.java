package io.hearth.privacy;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An automated decision about a customer, as the module that made it describes it.
 *
 * @param type what was decided, dotted lower case: {@code segment.entered}, {@code prediction.served},
 *     {@code offer.chosen}, {@code message.sent}, {@code support.routed}
 * @param inputs a JSON object summarizing what the decision was based on; at most 8 KB as canonical
 *     JSON. Identifiers and figures, not message bodies or contact details
 * @param modelVersion the model or rule (and its version) that decided, e.g. {@code clv-bgnbd@2026-11-20}
 * @param outcome what came out: a segment id, a score, an offer, a channel
 * @param reason why, for a human reading the log
 * @param occurredAt when it was decided; {@code null} means now, by the server's clock
 */
public record Decision(
        CustomerId customer,
        String type,
        JsonNode inputs,
        String modelVersion,
        String outcome,
        String reason,
        @Nullable Instant occurredAt) {

    /** What a decision type looks like. */
    public static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");

    /** The largest inputs summary, in UTF-8 bytes of canonical JSON. */
    public static final int MAX_INPUTS_BYTES = 8192;

    public Decision {
        requireNonNull(customer, "customer is null");
        requireNonNull(type, "type is null");
        requireNonNull(inputs, "inputs is null");
        requireNonNull(modelVersion, "modelVersion is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(reason, "reason is null");
        if (type.length() > 100 || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("type must match " + TYPE.pattern());
        }
        if (!inputs.isObject()) {
            throw new IllegalArgumentException("inputs must be a JSON object");
        }
        if (modelVersion.isBlank()) {
            throw new IllegalArgumentException("modelVersion is blank");
        }
        occurredAt = occurredAt == null ? null : occurredAt.truncatedTo(ChronoUnit.MICROS);
    }
}
