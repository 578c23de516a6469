package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A perk that costs no points (early access, an event, a recognition title), for members whose
 * purchases show an interest.
 *
 * @param interest the interest it suits, in words: {@code family cooking}, {@code sustainability}
 * @param categories the purchase categories that show that interest
 * @param minShare the share of the member's points from those categories that makes a match
 * @param minTier the lowest tier it is for; null for every member
 */
public record Perk(
        String perkId,
        String name,
        Kind kind,
        String interest,
        List<String> categories,
        double minShare,
        @Nullable String minTier,
        boolean active) {

    public Perk {
        requireNonNull(perkId, "perkId is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(interest, "interest is null");
        categories = List.copyOf(categories);
    }

    public enum Kind {
        EARLY_ACCESS,
        EVENT,
        RECOGNITION,
        OTHER
    }

    /** A perk matched to a member, with the share of their points behind it and why. */
    public record Match(Perk perk, double share, String reason) {}
}
