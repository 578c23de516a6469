package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A badge across the program: how many members earned it and when the latest did.
 *
 * @param lastEarnedAt null while nobody has earned it
 */
public record BadgeStanding(
        Badge badge,
        long members,
        long pointsPaid,
        @Nullable Instant lastEarnedAt) {

    public BadgeStanding {
        requireNonNull(badge, "badge is null");
    }
}
