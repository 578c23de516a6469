package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

/** A campaign budget in points: awards drawn from it never add up to more than {@code total}. */
public record Budget(String budgetId, String name, long total, long spent) {

    public Budget {
        requireNonNull(budgetId, "budgetId is null");
        requireNonNull(name, "name is null");
    }
}
