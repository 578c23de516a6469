package io.hearth.profiles;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Two profiles found to be one customer: the absorbed one joined the survivor, until undone. */
public record Merge(
        UUID mergeId,
        CustomerId survivor,
        CustomerId absorbed,
        String reason,
        List<Identifier> absorbedIdentifiers,
        Instant mergedAt,
        @Nullable Instant undoneAt,
        @Nullable String undoneBy) {

    public Merge {
        requireNonNull(mergeId, "mergeId is null");
        requireNonNull(survivor, "survivor is null");
        requireNonNull(absorbed, "absorbed is null");
        requireNonNull(reason, "reason is null");
        absorbedIdentifiers = List.copyOf(absorbedIdentifiers);
        requireNonNull(mergedAt, "mergedAt is null");
    }

    public Optional<Instant> undone() {
        return Optional.ofNullable(undoneAt);
    }
}
