package io.hearth.ml.intent;

import io.hearth.ml.text.SentenceEmbedder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Trains on one set, classifies another, and reports accuracy, macro-F1, calibration and timings. */
record IntentEvaluation(
        IntentTrainingReport report,
        int tested,
        double accuracy,
        double macroF1,
        double expectedCalibrationError,
        double answeredAtThreshold,
        double precisionAtThreshold,
        long classifyMillis) {

    static IntentEvaluation run(
            SentenceEmbedder embedder, List<IntentExample> train, List<IntentExample> test, IntentSettings settings) {
        IntentClassifier classifier = new IntentTrainer(embedder).train(train, settings);
        long start = System.nanoTime();
        List<IntentPrediction> predictions = classifier.classifyAll(
                test.stream().map(IntentExample::utterance).toList());
        return score(classifier, test, predictions, (System.nanoTime() - start) / 1_000_000);
    }

    /** The same on sets the caller embedded already (so several evaluations share one embedding pass). */
    static IntentEvaluation run(
            SentenceEmbedder embedder,
            List<IntentExample> train,
            List<float[]> trainEmbeddings,
            List<IntentExample> test,
            List<float[]> testEmbeddings,
            IntentSettings settings) {
        IntentClassifier classifier = new IntentTrainer(embedder).train(train, trainEmbeddings, settings);
        long start = System.nanoTime();
        List<IntentPrediction> predictions = new java.util.ArrayList<>(test.size());
        for (int i = 0; i < test.size(); i++) {
            predictions.add(classifier.classify(test.get(i).utterance(), testEmbeddings.get(i)));
        }
        return score(classifier, test, predictions, (System.nanoTime() - start) / 1_000_000);
    }

    private static IntentEvaluation score(
            IntentClassifier classifier,
            List<IntentExample> test,
            List<IntentPrediction> predictions,
            long classifyMillis) {
        int correct = 0;
        int answered = 0;
        int answeredCorrect = 0;
        for (int i = 0; i < test.size(); i++) {
            boolean right = predictions.get(i).intent().equals(test.get(i).intent());
            correct += right ? 1 : 0;
            if (!predictions.get(i).outOfScope()) {
                answered++;
                answeredCorrect += right ? 1 : 0;
            }
        }
        return new IntentEvaluation(
                classifier.report(),
                test.size(),
                (double) correct / test.size(),
                macroF1(test, predictions),
                expectedCalibrationError(test, predictions),
                (double) answered / test.size(),
                answered == 0 ? 0 : (double) answeredCorrect / answered,
                classifyMillis);
    }

    static double macroF1(List<IntentExample> test, List<IntentPrediction> predictions) {
        Map<String, int[]> counts = new HashMap<>(); // true positives, false positives, false negatives
        for (int i = 0; i < test.size(); i++) {
            String truth = test.get(i).intent();
            String guess = predictions.get(i).intent();
            if (truth.equals(guess)) {
                counts.computeIfAbsent(truth, k -> new int[3])[0]++;
            } else {
                counts.computeIfAbsent(guess, k -> new int[3])[1]++;
                counts.computeIfAbsent(truth, k -> new int[3])[2]++;
            }
        }
        return counts.values().stream()
                .mapToDouble(c -> c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]))
                .average()
                .orElse(0);
    }

    /** ECE over 10 equal-width confidence bins. */
    static double expectedCalibrationError(List<IntentExample> test, List<IntentPrediction> predictions) {
        double[] confidence = new double[10];
        double[] correct = new double[10];
        int[] count = new int[10];
        for (int i = 0; i < test.size(); i++) {
            IntentPrediction prediction = predictions.get(i);
            int bin = Math.min(9, (int) (prediction.confidence() * 10));
            confidence[bin] += prediction.confidence();
            correct[bin] += prediction.intent().equals(test.get(i).intent()) ? 1 : 0;
            count[bin]++;
        }
        double error = 0;
        for (int bin = 0; bin < 10; bin++) {
            error += Math.abs(correct[bin] - confidence[bin]) / test.size();
        }
        return error;
    }

    void print(String name) {
        System.out.printf(
                "%n| %s | value |%n|---|---|%n| training examples / intents | %d / %d |%n| test examples | %d |%n"
                        + "| test accuracy | %.4f |%n| test macro-F1 | %.4f |%n| test ECE (10 bins) | %.4f |%n"
                        + "| held-out accuracy | %.4f |%n| temperature | %.3f |%n| out-of-scope threshold (confidence / similarity) | %.3f / %.3f |%n"
                        + "| stand-in OOS refused / in-scope answered (held-out) | %.3f / %.3f |%n"
                        + "| test answered at threshold / precision of answered | %.3f / %.4f |%n"
                        + "| embedding train set | %d ms |%n| training (3 fits) | %d ms |%n| classifying test set | %d ms |%n",
                name,
                report.examples(),
                report.intents(),
                tested,
                accuracy,
                macroF1,
                expectedCalibrationError,
                report.heldOutAccuracy(),
                report.temperature(),
                report.threshold(),
                report.similarityThreshold(),
                report.outOfScopeRecall(),
                report.inScopeAnswered(),
                answeredAtThreshold,
                precisionAtThreshold,
                report.embeddingMillis(),
                report.trainingMillis(),
                classifyMillis);
    }
}
