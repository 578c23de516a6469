package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How points are earned, as data. Each change is saved as a new version; every earn records the
 * version that computed it.
 *
 * @param pointsPerUnit points per unit of the order currency, before multipliers (rounded down per line)
 * @param categoryMultipliers multiplier by line category
 * @param productMultipliers multiplier by SKU; wins over the category's
 * @param excludedCategories categories that earn nothing (gift cards, shipping, tax by default)
 * @param bonuses points per bonus action
 * @param monthlyCap most order points a member earns per calendar month (UTC); null for no cap
 */
public record EarnRules(
        BigDecimal pointsPerUnit,
        Map<String, BigDecimal> categoryMultipliers,
        Map<String, BigDecimal> productMultipliers,
        Set<String> excludedCategories,
        Map<BonusAction, Long> bonuses,
        @Nullable Long monthlyCap) {

    public static final Set<String> DEFAULT_EXCLUSIONS = Set.of("gift_card", "shipping", "tax");

    public EarnRules {
        requireNonNull(pointsPerUnit, "pointsPerUnit is null");
        categoryMultipliers = Map.copyOf(categoryMultipliers);
        productMultipliers = Map.copyOf(productMultipliers);
        excludedCategories = Set.copyOf(excludedCategories);
        bonuses = Map.copyOf(bonuses);
    }

    /** One point per unit, the default exclusions, no bonuses, no cap: what a shop has before it says. */
    public static EarnRules defaults() {
        return new EarnRules(BigDecimal.ONE, Map.of(), Map.of(), DEFAULT_EXCLUSIONS, Map.of(), null);
    }

    /** What is wrong with these rules, located by JSON pointer; empty when they are valid. */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (pointsPerUnit.signum() < 0 || pointsPerUnit.compareTo(BigDecimal.valueOf(1000)) > 0) {
            errors.add(new FieldError("/pointsPerUnit", "must be between 0 and 1000"));
        }
        multipliers("/categoryMultipliers", categoryMultipliers, errors);
        multipliers("/productMultipliers", productMultipliers, errors);
        bonuses.forEach((action, points) -> {
            if (points < 0) {
                errors.add(new FieldError("/bonuses/" + action.name(), "must not be negative"));
            }
        });
        if (monthlyCap != null && monthlyCap <= 0) {
            errors.add(new FieldError("/monthlyCap", "must be positive"));
        }
        return errors;
    }

    private static void multipliers(String pointer, Map<String, BigDecimal> values, List<FieldError> errors) {
        values.forEach((name, value) -> {
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new FieldError(pointer + "/" + name, "must be between 0 and 100"));
            }
        });
    }

    /** Actions that earn a fixed bonus. */
    public enum BonusAction {
        /** The member's first order earning points; added to that order's pending points. */
        FIRST_ORDER,
        REVIEW_WRITTEN,
        REFERRAL_COMPLETED,
        BIRTHDAY
    }
}
