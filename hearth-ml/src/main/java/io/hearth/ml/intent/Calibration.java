package io.hearth.ml.intent;

import io.hearth.ml.text.SoftmaxModel;
import java.util.Arrays;
import java.util.List;

/**
 * Confidence calibration on held-out examples: temperature scaling (Guo et al. 2017, one parameter
 * that keeps the ranking and fixes over- or under-confidence) and the out-of-scope threshold.
 */
final class Calibration {

    private static final double MIN_LOG_TEMPERATURE = Math.log(0.05);
    private static final double MAX_LOG_TEMPERATURE = Math.log(20);

    private Calibration() {}

    /** The temperature minimizing the negative log-likelihood of the held-out labels. */
    static double temperature(List<double[]> logits, int[] labels) {
        double low = MIN_LOG_TEMPERATURE;
        double high = MAX_LOG_TEMPERATURE;
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int iteration = 0; iteration < 60; iteration++) {
            double left = high - ratio * (high - low);
            double right = low + ratio * (high - low);
            if (negativeLogLikelihood(logits, labels, Math.exp(left))
                    < negativeLogLikelihood(logits, labels, Math.exp(right))) {
                high = right;
            } else {
                low = left;
            }
        }
        return Math.exp((low + high) / 2);
    }

    static double negativeLogLikelihood(List<double[]> logits, int[] labels, double temperature) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double[] probabilities = SoftmaxModel.probabilities(logits.get(i), temperature);
            sum -= Math.log(Math.max(probabilities[labels[i]], 1e-12));
        }
        return sum / labels.length;
    }

    /** Label of a held-out message of an intent hidden from training: a near, in-domain stranger. */
    static final int HIDDEN_INTENT = -1;

    /** Label of a background message: a far stranger (trivia, weather, small talk). */
    static final int BACKGROUND = -2;

    /**
     * The pair (confidence threshold, similarity threshold) that best balances in-scope messages
     * answered with their right intent against stand-ins refused, when a message is answered only if it
     * clears both. Stand-ins of each kind present ({@link #HIDDEN_INTENT}, {@link #BACKGROUND}) weigh
     * the same however many there are. Each threshold is searched over quantiles of its held-out
     * values (and zero, which switches it off); on a tie, the pair answering more in-scope messages
     * wins, so a signal that does not help stays off.
     */
    static double[] outOfScopeThresholds(double[] confidences, double[] similarities, int[] predicted, int[] labels) {
        long inScope = Arrays.stream(labels).filter(label -> label >= 0).count();
        long hidden =
                Arrays.stream(labels).filter(label -> label == HIDDEN_INTENT).count();
        long background =
                Arrays.stream(labels).filter(label -> label == BACKGROUND).count();
        int kinds = (hidden > 0 ? 1 : 0) + (background > 0 ? 1 : 0);
        if (inScope == 0 || kinds == 0) {
            return new double[] {0, 0};
        }
        double[] best = {0, 0};
        double bestScore = -1;
        int bestAnswered = -1;
        for (double similarity : grid(similarities)) {
            for (double confidence : grid(confidences)) {
                int answered = 0;
                int refusedHidden = 0;
                int refusedBackground = 0;
                for (int i = 0; i < labels.length; i++) {
                    boolean accepted = confidences[i] >= confidence && similarities[i] >= similarity;
                    answered += labels[i] >= 0 && accepted && predicted[i] == labels[i] ? 1 : 0;
                    refusedHidden += labels[i] == HIDDEN_INTENT && !accepted ? 1 : 0;
                    refusedBackground += labels[i] == BACKGROUND && !accepted ? 1 : 0;
                }
                double refused = ((hidden > 0 ? (double) refusedHidden / hidden : 0)
                                + (background > 0 ? (double) refusedBackground / background : 0))
                        / kinds;
                double score = 0.5 * answered / inScope + 0.5 * refused;
                if (score > bestScore + 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && answered > bestAnswered)) {
                    bestScore = score;
                    bestAnswered = answered;
                    best = new double[] {confidence, similarity};
                }
            }
        }
        return best;
    }

    private static final int GRID = 200;

    /** Zero, then the sorted values, thinned to about {@link #GRID} quantiles when there are more. */
    private static double[] grid(double[] values) {
        double[] sorted = Arrays.stream(values).sorted().distinct().toArray();
        int size = Math.min(sorted.length, GRID);
        double[] grid = new double[size + 1];
        for (int i = 0; i < size; i++) {
            grid[i + 1] = sorted[(int) ((long) i * sorted.length / size)];
        }
        return grid;
    }
}
