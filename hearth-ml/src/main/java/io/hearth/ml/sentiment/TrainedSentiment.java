package io.hearth.ml.sentiment;

import static java.util.Objects.requireNonNull;

import io.hearth.ml.intent.IntentClassifier;
import io.hearth.ml.intent.IntentExample;
import io.hearth.ml.intent.IntentPrediction;
import io.hearth.ml.intent.IntentSettings;
import io.hearth.ml.intent.IntentTrainer;
import io.hearth.ml.text.SentenceEmbedder;
import java.util.List;

/**
 * Sentiment learnt from labelled messages (positive or negative) with the intent classifier's
 * features and model: it beats the lexicon on in-domain text, but needs labelled data the lexicon
 * does not. Serializes like an intent model.
 */
public final class TrainedSentiment {

    static final String POSITIVE = "positive";
    static final String NEGATIVE = "negative";

    private final IntentClassifier classifier;

    private TrainedSentiment(IntentClassifier classifier) {
        this.classifier = classifier;
    }

    /** {@code labelled} pairs a text with whether it is positive. */
    public static TrainedSentiment train(SentenceEmbedder embedder, List<LabelledText> labelled) {
        requireNonNull(labelled, "labelled is null");
        List<IntentExample> examples = examples(labelled);
        return new TrainedSentiment(new IntentTrainer(embedder).train(examples, IntentSettings.defaults()));
    }

    /** Trains on texts whose embeddings the caller already computed with {@code embedder}. */
    public static TrainedSentiment train(
            SentenceEmbedder embedder, List<LabelledText> labelled, List<float[]> embeddings) {
        requireNonNull(labelled, "labelled is null");
        return new TrainedSentiment(
                new IntentTrainer(embedder).train(examples(labelled), embeddings, IntentSettings.defaults()));
    }

    public static TrainedSentiment fromBytes(byte[] bytes, SentenceEmbedder embedder) {
        return new TrainedSentiment(IntentClassifier.fromBytes(bytes, embedder));
    }

    private static List<IntentExample> examples(List<LabelledText> labelled) {
        return labelled.stream()
                .map(text -> new IntentExample(text.text(), text.positive() ? POSITIVE : NEGATIVE))
                .toList();
    }

    /** The calibrated probability that the text is positive. */
    public double positiveProbability(String text) {
        return positive(classifier.classify(text));
    }

    public List<Double> positiveProbabilities(List<String> texts) {
        return classifier.classifyAll(texts).stream()
                .map(TrainedSentiment::positive)
                .toList();
    }

    private static double positive(IntentPrediction prediction) {
        return prediction.alternatives().stream()
                .filter(ranked -> ranked.intent().equals(POSITIVE))
                .findFirst()
                .map(ranked -> ranked.probability())
                .orElse(0.0);
    }

    public byte[] toBytes() {
        return classifier.toBytes();
    }
}
