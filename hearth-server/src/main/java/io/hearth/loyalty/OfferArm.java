package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * An offer type the bandit may choose for a member.
 *
 * @param value the discount in percent (DISCOUNT), the bonus points (BONUS_POINTS); ignored otherwise
 * @param cost what one offer of it takes from its budget
 * @param budget the most all offers of it may cost; null for no limit
 * @param spent what the offers made so far cost
 */
public record OfferArm(
        String name,
        Kind kind,
        BigDecimal value,
        BigDecimal cost,
        @Nullable BigDecimal budget,
        BigDecimal spent) {

    public OfferArm {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(value, "value is null");
        requireNonNull(cost, "cost is null");
        requireNonNull(spent, "spent is null");
    }

    public enum Kind {
        DISCOUNT,
        FREE_SHIPPING,
        BONUS_POINTS,
        EXCLUSIVE_ACCESS
    }
}
