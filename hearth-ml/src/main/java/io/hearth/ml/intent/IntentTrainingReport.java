package io.hearth.ml.intent;

/**
 * What training measured, for the shop's console and the decision log.
 *
 * @param heldOutAccuracy accuracy of the calibration model on the held-out examples
 * @param outOfScopeRecall share of stand-in out-of-scope held-out messages refused at the threshold
 * @param inScopeAnswered share of in-scope held-out messages answered with their right intent at the
 *     threshold
 */
public record IntentTrainingReport(
        int examples,
        int intents,
        double heldOutAccuracy,
        double temperature,
        double threshold,
        double outOfScopeRecall,
        double inScopeAnswered,
        long embeddingMillis,
        long trainingMillis) {}
