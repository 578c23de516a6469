package io.hearth.privacy;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A customer granted or withdrew consent for a purpose on a channel ({@link Channel#ANY} for the
 * purpose as a whole). The same (customer, purpose, channel, granted, source, occurredAt) recorded
 * twice is one entry.
 *
 * @param source where the change came from: {@code api}, {@code identify}, {@code context.consent},
 *     {@code import}, …; lower case, at most 64 characters
 * @param occurredAt when the customer made the choice; {@code null} means now, by the server's clock.
 *     Kept to the microsecond, as the database keeps it
 * @param proof what shows the choice was made (a form id, an IP address, a message id), at most 2 KB
 */
public record ConsentChange(
        CustomerId customer,
        Purpose purpose,
        Channel channel,
        boolean granted,
        String source,
        @Nullable Instant occurredAt,
        @Nullable String proof) {

    /** The largest proof, in UTF-8 bytes. */
    public static final int MAX_PROOF_BYTES = 2048;

    /** What a source looks like: {@code api}, {@code context.consent}, {@code shopify-import}. */
    public static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    public ConsentChange {
        requireNonNull(customer, "customer is null");
        requireNonNull(purpose, "purpose is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(source, "source is null");
        if (!SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("source must match " + SOURCE.pattern());
        }
        if (proof != null && proof.getBytes(StandardCharsets.UTF_8).length > MAX_PROOF_BYTES) {
            throw new IllegalArgumentException("proof is longer than " + MAX_PROOF_BYTES + " bytes");
        }
        occurredAt = occurredAt == null ? null : occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The same change, happening at the given time when it had none. */
    public ConsentChange at(Instant now) {
        return occurredAt != null ? this : new ConsentChange(customer, purpose, channel, granted, source, now, proof);
    }
}
