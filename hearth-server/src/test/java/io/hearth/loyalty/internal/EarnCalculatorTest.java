package io.hearth.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.loyalty.EarnRules;
import io.hearth.loyalty.OrderLine;
import io.hearth.loyalty.internal.EarnCalculator.LinePoints;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarnCalculatorTest {

    static final EarnRules RULES = new EarnRules(
            new BigDecimal("1.5"),
            Map.of("books", new BigDecimal("2")),
            Map.of("SKU-1", new BigDecimal("4")),
            EarnRules.DEFAULT_EXCLUSIONS,
            Map.of(),
            null);

    @Test
    void pointsPerUnitTimesTheProductOrCategoryMultiplierRoundedDownPerLine() {
        List<LinePoints> points = EarnCalculator.compute(
                RULES,
                List.of(
                        line("1", "SKU-1", "books", "10"),
                        line("2", null, "BOOKS", "9.99"),
                        line("3", null, null, "0.99"),
                        line("4", null, "Shipping", "4.95")),
                null);

        assertThat(points).extracting(LinePoints::points).containsExactly(60L, 29L, 1L, 0L);
        assertThat(points.get(3).why()).isEqualTo("shipping is excluded");
    }

    @Test
    void aCapLeavesTheLaterLinesWithWhatIsLeft() {
        List<LinePoints> points = EarnCalculator.compute(
                RULES,
                List.of(line("1", null, null, "40"), line("2", null, null, "40"), line("3", null, null, "40")),
                70L);

        assertThat(points).extracting(LinePoints::points).containsExactly(60L, 10L, 0L);
        assertThat(points.get(1).why()).endsWith("capped to 10");
    }

    @Test
    void negativeAmountsAndAnExhaustedCapEarnNothing() {
        assertThat(EarnCalculator.compute(RULES, List.of(line("1", null, null, "-5")), null)
                        .getFirst()
                        .points())
                .isZero();
        assertThat(EarnCalculator.compute(RULES, List.of(line("1", null, null, "50")), -3L)
                        .getFirst()
                        .points())
                .isZero();
    }

    @Test
    void rulesOutsideTheirRangesAreNamedByPointer() {
        EarnRules bad = new EarnRules(
                new BigDecimal("-1"),
                Map.of("toys", new BigDecimal("101")),
                Map.of(),
                EarnRules.DEFAULT_EXCLUSIONS,
                Map.of(EarnRules.BonusAction.BIRTHDAY, -5L),
                0L);

        assertThat(bad.problems())
                .extracting(error -> error.pointer())
                .containsExactlyInAnyOrder(
                        "/pointsPerUnit", "/categoryMultipliers/toys", "/bonuses/BIRTHDAY", "/monthlyCap");
        assertThat(EarnRules.defaults().problems()).isEmpty();
    }

    private static OrderLine line(String id, String sku, String category, String amount) {
        return new OrderLine(id, sku, category, new BigDecimal(amount));
    }
}
