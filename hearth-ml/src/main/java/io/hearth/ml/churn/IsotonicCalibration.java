package io.hearth.ml.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic regression of outcomes on scores (pool-adjacent-violators), used to turn booster scores
 * into calibrated probabilities. Between the fitted block centres it interpolates linearly, and it
 * clamps outside them, so the map is monotone and continuous.
 */
public final class IsotonicCalibration {

    private final double[] scores;
    private final double[] probabilities;

    private IsotonicCalibration(double[] scores, double[] probabilities) {
        this.scores = scores;
        this.probabilities = probabilities;
    }

    /** Restores a calibration from its knots (as stored by {@link #knotScores()} and {@link #knotProbabilities()}). */
    public static IsotonicCalibration of(double[] scores, double[] probabilities) {
        if (scores.length == 0 || scores.length != probabilities.length) {
            throw new IllegalArgumentException("need as many probabilities as scores, and at least one");
        }
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] < scores[i - 1] || probabilities[i] < probabilities[i - 1]) {
                throw new IllegalArgumentException("knots must be non-decreasing");
            }
        }
        return new IsotonicCalibration(scores.clone(), probabilities.clone());
    }

    /** Fits the non-decreasing step function of outcome on score that minimizes squared error. */
    public static IsotonicCalibration fit(double[] score, boolean[] outcome) {
        if (score.length == 0 || score.length != outcome.length) {
            throw new IllegalArgumentException("need as many outcomes as scores, and at least one");
        }
        Integer[] order = new Integer[score.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        List<double[]> blocks = new ArrayList<>(); // {sum of scores, sum of outcomes, weight}
        for (int index : order) {
            blocks.add(new double[] {score[index], outcome[index] ? 1 : 0, 1});
            mergeViolators(blocks);
        }
        double[] knots = new double[blocks.size()];
        double[] values = new double[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            double[] block = blocks.get(i);
            knots[i] = block[0] / block[2];
            values[i] = block[1] / block[2];
        }
        return new IsotonicCalibration(knots, values);
    }

    private static void mergeViolators(List<double[]> blocks) {
        while (blocks.size() > 1) {
            double[] last = blocks.get(blocks.size() - 1);
            double[] before = blocks.get(blocks.size() - 2);
            if (before[1] / before[2] < last[1] / last[2]) {
                return;
            }
            before[0] += last[0];
            before[1] += last[1];
            before[2] += last[2];
            blocks.remove(blocks.size() - 1);
        }
    }

    /** The calibrated probability of a score. */
    public double apply(double score) {
        if (score <= scores[0]) {
            return probabilities[0];
        }
        int last = scores.length - 1;
        if (score >= scores[last]) {
            return probabilities[last];
        }
        int upper = Arrays.binarySearch(scores, score);
        if (upper >= 0) {
            return probabilities[upper];
        }
        upper = -upper - 1;
        int lower = upper - 1;
        double share = (score - scores[lower]) / (scores[upper] - scores[lower]);
        return probabilities[lower] + share * (probabilities[upper] - probabilities[lower]);
    }

    /** Scores at the knots, ascending. */
    public double[] knotScores() {
        return scores.clone();
    }

    /** Calibrated probabilities at the knots, non-decreasing. */
    public double[] knotProbabilities() {
        return probabilities.clone();
    }
}
