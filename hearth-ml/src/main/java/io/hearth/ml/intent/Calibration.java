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

    /**
     * The confidence threshold that best balances two rates on held-out messages: in-scope messages
     * answered with their right intent, and out-of-scope messages ({@code label < 0}) refused.
     * Balancing the rates, not pooling the messages, keeps the result independent of how many
     * stand-in out-of-scope messages the split happened to produce.
     */
    static double outOfScopeThreshold(double[] confidences, int[] predicted, int[] labels) {
        long inScope = Arrays.stream(labels).filter(label -> label >= 0).count();
        long outOfScope = labels.length - inScope;
        if (inScope == 0 || outOfScope == 0) {
            return 0;
        }
        double bestThreshold = 0;
        double bestScore = -1;
        double[] candidates = confidences.clone();
        Arrays.sort(candidates);
        for (double candidate : candidates) {
            int answered = 0;
            int refused = 0;
            for (int i = 0; i < labels.length; i++) {
                boolean accepted = confidences[i] >= candidate;
                answered += labels[i] >= 0 && accepted && predicted[i] == labels[i] ? 1 : 0;
                refused += labels[i] < 0 && !accepted ? 1 : 0;
            }
            double score = 0.5 * answered / inScope + 0.5 * refused / outOfScope;
            if (score > bestScore) {
                bestScore = score;
                bestThreshold = candidate;
            }
        }
        return bestThreshold;
    }
}
