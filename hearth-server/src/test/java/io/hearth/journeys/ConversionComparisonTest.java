package io.hearth.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ConversionComparisonTest {

    @Test
    void theIntervalIsNewcombesHybridScoreIntervalOfHisWorkedExample() {
        // Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70 against 48/80, method 10.
        ConversionComparison comparison = ConversionComparison.of(group(70, 56, "0"), group(80, 48, "0"));

        assertThat(comparison.difference()).isCloseTo(0.2, within(1e-9));
        assertThat(comparison.low()).isCloseTo(0.0524, within(5e-5));
        assertThat(comparison.high()).isCloseTo(0.3339, within(5e-5));
        assertThat(comparison.lift()).isCloseTo(0.8 / 0.6 - 1, within(1e-9));
        assertThat(comparison.significantlyBetter()).isTrue();
    }

    @Test
    void theWilsonIntervalOfNoSuccessesStartsAtZeroAndStaysInsideTheUnitRange() {
        double[] none = ConversionComparison.wilson(0, 10);
        double[] all = ConversionComparison.wilson(10, 10);

        assertThat(none[0]).isZero();
        assertThat(none[1]).isCloseTo(0.2775, within(5e-5));
        assertThat(all[1]).isCloseTo(1.0, within(1e-12));
        assertThat(all[0]).isCloseTo(0.7225, within(5e-5));
    }

    @Test
    void equalRatesGiveAnIntervalAroundZero() {
        ConversionComparison comparison = ConversionComparison.of(group(40, 10, "500"), group(40, 10, "480"));

        assertThat(comparison.difference()).isZero();
        assertThat(comparison.low()).isNegative();
        assertThat(comparison.high()).isPositive();
        assertThat(comparison.significantlyBetter()).isFalse();
        assertThat(comparison.treated().revenuePerRun()).isEqualByComparingTo("12.50");
    }

    @Test
    void withoutAControlGroupThereIsNoComparison() {
        ConversionComparison comparison = ConversionComparison.of(group(12, 3, "0"), group(0, 0, "0"));

        assertThat(comparison.difference()).isNull();
        assertThat(comparison.low()).isNull();
        assertThat(comparison.lift()).isNull();
        assertThat(comparison.significantlyBetter()).isFalse();
    }

    @Test
    void noControlConversionLeavesTheLiftUndefinedButTheDifferenceMeasured() {
        ConversionComparison comparison = ConversionComparison.of(group(20, 8, "0"), group(20, 0, "0"));

        assertThat(comparison.lift()).isNull();
        assertThat(comparison.difference()).isCloseTo(0.4, within(1e-9));
        assertThat(comparison.low()).isPositive();
    }

    private static ConversionComparison.Group group(long runs, long converted, String revenue) {
        return new ConversionComparison.Group(runs, converted, new BigDecimal(revenue));
    }
}
