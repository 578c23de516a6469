package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A campaign budget: what is drawn from it never adds up to more than {@code total}.
 *
 * @param currency null for a budget in points; an ISO 4217 code for a budget in money, whose
 *     {@code total} and {@code spent} are in that currency's minor units (cents)
 */
public record Budget(String budgetId, String name, @Nullable String currency, long total, long spent) {

    public Budget {
        requireNonNull(budgetId, "budgetId is null");
        requireNonNull(name, "name is null");
    }

    public boolean inMoney() {
        return currency != null;
    }
}
