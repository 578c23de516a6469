package io.hearth.ml.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Open intent classification (Shu et al. 2017; Zhang et al. 2021 on BANKING77): some intents are left
 * out of training entirely, and their test messages must be refused as out of scope while messages of
 * the known intents are answered with their intent. Unlike the stand-ins training tunes on, these are
 * real test messages of intents the model never saw.
 *
 * @param knownAnswered share of known-intent test messages answered with their right intent
 * @param unknownRefused share of unknown-intent test messages refused
 * @param accuracy share of all test messages handled right: known answered right, unknown refused
 */
record OpenIntentEvaluation(
        int knownIntents,
        int unknownIntents,
        int knownTested,
        int unknownTested,
        double knownAnswered,
        double unknownRefused,
        double accuracy,
        double confidenceThreshold,
        double similarityThreshold) {

    /** Every {@code every}-th intent in sorted order is left out of training. */
    static OpenIntentEvaluation run(
            IntentTrainer trainer,
            List<IntentExample> train,
            List<float[]> trainEmbeddings,
            List<IntentExample> test,
            List<float[]> testEmbeddings,
            int every,
            IntentSettings settings) {
        Set<String> unknown = unknownIntents(train, every);
        List<IntentExample> known = new ArrayList<>();
        List<float[]> knownEmbeddings = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            if (!unknown.contains(train.get(i).intent())) {
                known.add(train.get(i));
                knownEmbeddings.add(trainEmbeddings.get(i));
            }
        }
        IntentClassifier classifier = trainer.train(known, knownEmbeddings, settings);
        int knownTested = 0;
        int answeredRight = 0;
        int unknownTested = 0;
        int refused = 0;
        for (int i = 0; i < test.size(); i++) {
            IntentPrediction prediction = classifier.classify(test.get(i).utterance(), testEmbeddings.get(i));
            if (unknown.contains(test.get(i).intent())) {
                unknownTested++;
                refused += prediction.outOfScope() ? 1 : 0;
            } else {
                knownTested++;
                answeredRight += !prediction.outOfScope()
                                && prediction.intent().equals(test.get(i).intent())
                        ? 1
                        : 0;
            }
        }
        return new OpenIntentEvaluation(
                classifier.intents().size(),
                unknown.size(),
                knownTested,
                unknownTested,
                (double) answeredRight / knownTested,
                (double) refused / unknownTested,
                (double) (answeredRight + refused) / (knownTested + unknownTested),
                classifier.threshold(),
                classifier.similarityThreshold());
    }

    private static Set<String> unknownIntents(List<IntentExample> train, int every) {
        List<String> intents = new TreeSet<>(
                        train.stream().map(IntentExample::intent).toList())
                .stream().toList();
        Set<String> unknown = new TreeSet<>();
        for (int i = 0; i < intents.size(); i += every) {
            unknown.add(intents.get(i));
        }
        return unknown;
    }

    double balanced() {
        return (knownAnswered + unknownRefused) / 2;
    }

    void print(String name) {
        System.out.printf(
                Locale.ROOT,
                "%n| %s, open intents | value |%n|---|---|%n| known / unknown intents | %d / %d |%n"
                        + "| known / unknown test messages | %d / %d |%n| known answered right | %.3f |%n"
                        + "| unknown refused | %.3f |%n| balanced (mean of the two) | %.3f |%n"
                        + "| accuracy over all test messages | %.3f |%n| confidence / similarity threshold | %.3f / %.3f |%n",
                name,
                knownIntents,
                unknownIntents,
                knownTested,
                unknownTested,
                knownAnswered,
                unknownRefused,
                balanced(),
                accuracy,
                confidenceThreshold,
                similarityThreshold);
    }
}
