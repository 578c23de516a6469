package io.hearth.ml.intent;

/**
 * What training measured, for the shop's console and the decision log.
 *
 * @param heldOutAccuracy accuracy of the calibration model on the held-out examples
 * @param similarityThreshold least cosine similarity to the nearest training example a message needs to
 *     be answered (0 when that check did not help on the stand-ins)
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
        double similarityThreshold,
        double outOfScopeRecall,
        double inScopeAnswered,
        long embeddingMillis,
        long trainingMillis) {}
