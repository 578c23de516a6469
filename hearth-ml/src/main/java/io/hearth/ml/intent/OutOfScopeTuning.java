package io.hearth.ml.intent;

import io.hearth.ml.text.SoftmaxModel;
import java.util.List;

/** The tuned out-of-scope threshold with the two rates it reached on held-out messages. */
record OutOfScopeTuning(double threshold, double outOfScopeRecall, double inScopeAnswered) {

    /** {@code labels} are -1 for stand-in out-of-scope messages. */
    static OutOfScopeTuning tune(List<double[]> logits, int[] labels, double temperature) {
        double[] confidences = new double[labels.length];
        int[] predicted = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            double[] probabilities = SoftmaxModel.probabilities(logits.get(i), temperature);
            predicted[i] = IntentTrainer.argMax(probabilities);
            confidences[i] = probabilities[predicted[i]];
        }
        double threshold = Calibration.outOfScopeThreshold(confidences, predicted, labels);
        int inScope = 0;
        int answered = 0;
        int outOfScope = 0;
        int refused = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean accepted = confidences[i] >= threshold;
            if (labels[i] < 0) {
                outOfScope++;
                refused += accepted ? 0 : 1;
            } else {
                inScope++;
                answered += accepted && predicted[i] == labels[i] ? 1 : 0;
            }
        }
        return new OutOfScopeTuning(
                threshold,
                outOfScope == 0 ? 0 : (double) refused / outOfScope,
                inScope == 0 ? 0 : (double) answered / inScope);
    }
}
