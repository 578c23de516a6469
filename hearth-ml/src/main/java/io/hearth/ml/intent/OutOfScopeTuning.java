package io.hearth.ml.intent;

/**
 * The tuned out-of-scope thresholds (calibrated confidence, and similarity to the nearest training
 * example) with the two rates they reached on held-out messages.
 */
record OutOfScopeTuning(double threshold, double similarityThreshold, double outOfScopeRecall, double inScopeAnswered) {

    /** {@code labels} are -1 for stand-in out-of-scope messages. */
    static OutOfScopeTuning tune(double[] confidences, int[] predicted, double[] similarities, int[] labels) {
        double[] thresholds = Calibration.outOfScopeThresholds(confidences, similarities, predicted, labels);
        int inScope = 0;
        int answered = 0;
        int outOfScope = 0;
        int refused = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean accepted = confidences[i] >= thresholds[0] && similarities[i] >= thresholds[1];
            if (labels[i] < 0) {
                outOfScope++;
                refused += accepted ? 0 : 1;
            } else {
                inScope++;
                answered += accepted && predicted[i] == labels[i] ? 1 : 0;
            }
        }
        return new OutOfScopeTuning(
                thresholds[0],
                thresholds[1],
                outOfScope == 0 ? 0 : (double) refused / outOfScope,
                inScope == 0 ? 0 : (double) answered / inScope);
    }
}
