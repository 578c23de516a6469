package io.hearth.loyalty.internal;

import io.hearth.loyalty.EarnRules;
import io.hearth.loyalty.OrderLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Computes an order's points per line from the earn rules. Pure: no storage, no clock. */
final class EarnCalculator {

    private EarnCalculator() {}

    /** The points of one line, and why. */
    record LinePoints(OrderLine line, long points, String why) {}

    /**
     * Points per line, rounded down per line; lines in an excluded category earn nothing. With a
     * {@code capLeft}, lines take what is left of the period's cap in order and the rest earns nothing.
     */
    static List<LinePoints> compute(EarnRules rules, List<OrderLine> lines, @Nullable Long capLeft) {
        List<LinePoints> result = new ArrayList<>();
        long left = capLeft == null ? Long.MAX_VALUE : Math.max(0, capLeft);
        for (OrderLine line : lines) {
            LinePoints uncapped = uncapped(rules, line);
            long points = Math.min(uncapped.points(), left);
            left -= points;
            String why = points < uncapped.points() ? uncapped.why() + ", capped to " + points : uncapped.why();
            result.add(new LinePoints(line, points, why));
        }
        return result;
    }

    private static LinePoints uncapped(EarnRules rules, OrderLine line) {
        String category = line.category() == null ? null : line.category().toLowerCase(Locale.ROOT);
        if (category != null && rules.excludedCategories().contains(category)) {
            return new LinePoints(line, 0, category + " is excluded");
        }
        BigDecimal multiplier = multiplier(rules, line.sku(), category);
        BigDecimal points = line.amount()
                .max(BigDecimal.ZERO)
                .multiply(rules.pointsPerUnit())
                .multiply(multiplier);
        long whole = points.setScale(0, RoundingMode.DOWN).longValueExact();
        return new LinePoints(
                line,
                whole,
                rules.pointsPerUnit().stripTrailingZeros().toPlainString() + "/unit × "
                        + multiplier.stripTrailingZeros().toPlainString() + " on "
                        + line.amount().toPlainString());
    }

    private static BigDecimal multiplier(EarnRules rules, @Nullable String sku, @Nullable String category) {
        if (sku != null && rules.productMultipliers().containsKey(sku)) {
            return rules.productMultipliers().get(sku);
        }
        if (category != null && rules.categoryMultipliers().containsKey(category)) {
            return rules.categoryMultipliers().get(category);
        }
        return BigDecimal.ONE;
    }
}
