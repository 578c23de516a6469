package io.hearth.profiles;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Two profiles that look like one customer by name, address and phone but share no identifier, with
 * the score that put them in the review queue and the similarity of each field compared (fields one
 * of them lacks are left out). The pair is held in canonical order: {@code first} sorts before
 * {@code second}. {@code mergeId} is set once an accepted pair was merged.
 */
public record MergeCandidate(
        UUID candidateId,
        CustomerId first,
        CustomerId second,
        double score,
        Map<String, Double> similarities,
        Status status,
        Instant proposedAt,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable UUID mergeId) {

    public MergeCandidate {
        requireNonNull(candidateId, "candidateId is null");
        requireNonNull(first, "first is null");
        requireNonNull(second, "second is null");
        similarities = Collections.unmodifiableMap(new LinkedHashMap<>(similarities));
        requireNonNull(status, "status is null");
        requireNonNull(proposedAt, "proposedAt is null");
    }

    /** Where a candidate is in review; only a pending one can be decided. */
    public enum Status {
        PENDING,
        ACCEPTED,
        REJECTED;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Status> fromCode(String code) {
            return Arrays.stream(values())
                    .filter(status -> status.code().equals(code))
                    .findFirst();
        }
    }
}
