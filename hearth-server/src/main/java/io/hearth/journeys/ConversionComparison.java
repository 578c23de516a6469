package io.hearth.journeys;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Conversion of a journey's treated runs against its held-out runs: the difference of the two
 * conversion rates with a 95 % Newcombe hybrid score interval (built from the Wilson interval of each
 * rate, which stays inside 0–1 and behaves with small counts and rates near 0), the relative lift,
 * and revenue per run of each group.
 *
 * @param difference treated rate minus control rate; null while either group has no runs
 * @param low lower end of the interval of the difference
 * @param high upper end of the interval of the difference
 * @param lift treated rate over control rate minus one; null without a control conversion
 */
public record ConversionComparison(
        Group treated,
        Group control,
        @Nullable Double difference,
        @Nullable Double low,
        @Nullable Double high,
        @Nullable Double lift,
        double confidence) {

    /** z of a two-sided 95 % interval. */
    private static final double Z = 1.959963984540054;

    /** The runs of one group, how many converted and the revenue of their conversions. */
    public record Group(long runs, long converted, BigDecimal revenue) {

        @JsonProperty("rate")
        public @Nullable Double rate() {
            return runs == 0 ? null : (double) converted / runs;
        }

        @JsonProperty("revenuePerRun")
        public @Nullable BigDecimal revenuePerRun() {
            return runs == 0 ? null : revenue.divide(BigDecimal.valueOf(runs), 2, RoundingMode.HALF_UP);
        }
    }

    public static ConversionComparison of(Group treated, Group control) {
        if (treated.runs() == 0 || control.runs() == 0) {
            return new ConversionComparison(treated, control, null, null, null, null, 0.95);
        }
        double p1 = (double) treated.converted() / treated.runs();
        double p2 = (double) control.converted() / control.runs();
        double[] w1 = wilson(treated.converted(), treated.runs());
        double[] w2 = wilson(control.converted(), control.runs());
        double difference = p1 - p2;
        double low = difference - Math.sqrt(square(p1 - w1[0]) + square(w2[1] - p2));
        double high = difference + Math.sqrt(square(w1[1] - p1) + square(p2 - w2[0]));
        Double lift = control.converted() == 0 ? null : p1 / p2 - 1;
        return new ConversionComparison(treated, control, difference, low, high, lift, 0.95);
    }

    /** Whether the interval lies wholly above zero: the journey converts more than holding out does. */
    @JsonProperty("significantlyBetter")
    public boolean significantlyBetter() {
        return low != null && low > 0;
    }

    /** The Wilson score interval of x successes in n trials. */
    static double[] wilson(long x, long n) {
        double p = (double) x / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static double square(double value) {
        return value * value;
    }
}
