package io.hearth.profiles;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The one profile of a real customer. */
public record CustomerProfile(
        CustomerId customerId,
        List<Identifier> identifiers,
        Map<String, Object> traits,
        ComputedAttributes computed,
        Instant createdAt,
        Instant updatedAt) {

    public CustomerProfile {
        requireNonNull(customerId, "customerId is null");
        identifiers = List.copyOf(identifiers);
        traits = Map.copyOf(traits);
        requireNonNull(computed, "computed is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
