package io.hearth.ml.intent;

import static java.util.Objects.requireNonNull;

import io.hearth.ml.text.SentenceEmbedder;
import io.hearth.ml.text.SoftmaxModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A trained intent model: classifies messages with calibrated confidence and flags the ones under
 * the out-of-scope threshold. Immutable and safe for concurrent use. {@link #toBytes()} and {@link
 * IntentModelCodec#read} round-trip it, so the server can store it per shop.
 */
public final class IntentClassifier {

    private static final int ALTERNATIVES = 3;

    private final SentenceEmbedder embedder;
    private final List<String> intents;
    private final IntentFeatures features;
    private final SoftmaxModel model;
    private final Prototypes prototypes;
    private final double temperature;
    private final double threshold;
    private final double similarityThreshold;
    private final IntentTrainingReport report;

    IntentClassifier(
            SentenceEmbedder embedder,
            List<String> intents,
            IntentFeatures features,
            SoftmaxModel model,
            Prototypes prototypes,
            double temperature,
            double threshold,
            double similarityThreshold,
            IntentTrainingReport report) {
        this.embedder = requireNonNull(embedder, "embedder is null");
        this.intents = List.copyOf(intents);
        this.features = requireNonNull(features, "features is null");
        this.model = requireNonNull(model, "model is null");
        this.prototypes = requireNonNull(prototypes, "prototypes is null");
        this.temperature = temperature;
        this.threshold = threshold;
        this.similarityThreshold = similarityThreshold;
        this.report = requireNonNull(report, "report is null");
    }

    /** Loads a model written by {@link #toBytes()}. */
    public static IntentClassifier fromBytes(byte[] bytes, SentenceEmbedder embedder) {
        return IntentModelCodec.read(bytes, embedder);
    }

    public IntentPrediction classify(String message) {
        requireNonNull(message, "message is null");
        return predict(embedder.embed(message), message);
    }

    /**
     * Classifies a message whose embedding the caller already has (from the same embedder), so one
     * embedding serves both classification and knowledge retrieval.
     */
    public IntentPrediction classify(String message, float[] embedding) {
        requireNonNull(message, "message is null");
        requireNonNull(embedding, "embedding is null");
        return predict(embedding, message);
    }

    /** Classifies many messages, embedding them in one parallel batch. */
    public List<IntentPrediction> classifyAll(List<String> messages) {
        requireNonNull(messages, "messages is null");
        List<float[]> embeddings = embedder.embedAll(messages);
        List<IntentPrediction> predictions = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            predictions.add(predict(embeddings.get(i), messages.get(i)));
        }
        return predictions;
    }

    private IntentPrediction predict(float[] embedding, String message) {
        double[] probabilities =
                SoftmaxModel.probabilities(model.logits(features.row(embedding, message)), temperature);
        Integer[] order = new Integer[probabilities.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(
                order,
                Comparator.comparingDouble((Integer k) -> probabilities[k]).reversed());
        List<RankedIntent> alternatives = new ArrayList<>(ALTERNATIVES);
        for (int i = 0; i < Math.min(ALTERNATIVES, order.length); i++) {
            alternatives.add(new RankedIntent(intents.get(order[i]), probabilities[order[i]]));
        }
        double confidence = probabilities[order[0]];
        double similarity = prototypes.nearest(embedding, order[0]);
        boolean outOfScope = confidence < threshold || similarity < similarityThreshold;
        return new IntentPrediction(intents.get(order[0]), confidence, similarity, outOfScope, alternatives);
    }

    public List<String> intents() {
        return intents;
    }

    public double temperature() {
        return temperature;
    }

    /** Messages whose confidence is under this value are out of scope. */
    public double threshold() {
        return threshold;
    }

    /** Messages less similar than this to every training example kept are out of scope too. */
    public double similarityThreshold() {
        return similarityThreshold;
    }

    public IntentTrainingReport report() {
        return report;
    }

    /** The same model answering with another out-of-scope threshold (a shop's own trade-off). */
    public IntentClassifier withThreshold(double newThreshold) {
        if (!(newThreshold >= 0 && newThreshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1]: " + newThreshold);
        }
        return new IntentClassifier(
                embedder, intents, features, model, prototypes, temperature, newThreshold, similarityThreshold, report);
    }

    public byte[] toBytes() {
        return IntentModelCodec.write(this);
    }

    IntentFeatures features() {
        return features;
    }

    SoftmaxModel model() {
        return model;
    }

    Prototypes prototypes() {
        return prototypes;
    }
}
