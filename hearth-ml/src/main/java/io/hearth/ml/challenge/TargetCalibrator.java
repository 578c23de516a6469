package io.hearth.ml.challenge;

import java.util.Arrays;

/**
 * Calibrates a challenge target from one customer's history of a per-period figure (spend per
 * month, orders per month): the target is a stretch above their typical (median) period, held
 * between bounds, and its completion probability comes from a log-normal fit of their periods with
 * a shrinkage toward a prior spread when the history is short. Periods with nothing count as a
 * chance of nothing: {@code P(reach) = P(active) × P(value ≥ target | active)}.
 */
public final class TargetCalibrator {

    /** The spread assumed for a customer with one active period; real histories pull away from it. */
    static final double PRIOR_SIGMA = 0.5;

    static final double PRIOR_WEIGHT = 2;

    private final double stretch;
    private final double minTarget;
    private final double maxTarget;

    /**
     * @param stretch how far above the typical period the target sits (0.2 = 20 % above the median)
     * @param minTarget the lowest target anyone gets (also the target without history)
     * @param maxTarget the highest target anyone gets
     */
    public TargetCalibrator(double stretch, double minTarget, double maxTarget) {
        if (stretch < 0 || minTarget <= 0 || maxTarget < minTarget) {
            throw new IllegalArgumentException("needs stretch ≥ 0 and 0 < minTarget ≤ maxTarget");
        }
        this.stretch = stretch;
        this.minTarget = minTarget;
        this.maxTarget = maxTarget;
    }

    /** A calibrated target, the probability of reaching it, and what it was based on. */
    public record Target(double target, double probability, double typical, int periods, int activePeriods) {}

    /** @param periods the figure of each past period, zeros included (a month without purchases) */
    public Target calibrate(double[] periods) {
        double[] active =
                Arrays.stream(periods).filter(value -> value > 0).sorted().toArray();
        if (active.length == 0) {
            return new Target(minTarget, 0, 0, periods.length, 0);
        }
        double typical = median(active);
        double target = Math.min(maxTarget, Math.max(minTarget, typical * (1 + stretch)));
        return new Target(target, probability(active, periods.length, target), typical, periods.length, active.length);
    }

    /** The chance of reaching {@code target} in a period, from the same history. */
    public double probability(double[] active, int periods, double target) {
        double[] logs = Arrays.stream(active).map(Math::log).toArray();
        double mean = Arrays.stream(logs).average().orElseThrow();
        double squares = Arrays.stream(logs)
                .map(value -> (value - mean) * (value - mean))
                .sum();
        double sigma =
                Math.sqrt((squares + PRIOR_WEIGHT * PRIOR_SIGMA * PRIOR_SIGMA) / (logs.length - 1 + PRIOR_WEIGHT));
        // Laplace's rule: one active month out of one is not a certainty of being active.
        double activeRate = (active.length + 1.0) / (periods + 2.0);
        return activeRate * (1 - normalCdf((Math.log(target) - mean) / sigma));
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // Abramowitz and Stegun 7.1.26 for erf: absolute error below 1.5e-7, plenty for a probability.
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1
                - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                        * t
                        * Math.exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
