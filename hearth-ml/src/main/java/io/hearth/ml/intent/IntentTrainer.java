package io.hearth.ml.intent;

import static java.util.Objects.requireNonNull;

import io.hearth.ml.text.FeatureRow;
import io.hearth.ml.text.LexicalFeatures;
import io.hearth.ml.text.SentenceEmbedder;
import io.hearth.ml.text.SoftmaxModel;
import io.hearth.ml.text.SoftmaxTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Trains an {@link IntentClassifier} from labelled utterances in three fits over one embedding pass:
 * a calibration model on most of each intent's examples (its held-out logits fit the temperature), a
 * second one with some intents hidden (their held-out examples play out-of-scope messages, which
 * tunes the threshold), and the final model on everything.
 */
public final class IntentTrainer {

    private final SentenceEmbedder embedder;
    private volatile @Nullable List<float[]> background;

    public IntentTrainer(SentenceEmbedder embedder) {
        this.embedder = requireNonNull(embedder, "embedder is null");
    }

    public IntentClassifier train(List<IntentExample> examples, IntentSettings settings) {
        requireNonNull(examples, "examples is null");
        long start = System.nanoTime();
        List<float[]> embeddings = embedder.embedAll(
                examples.stream().map(IntentExample::utterance).toList());
        return train(examples, embeddings, settings, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Trains on examples whose embeddings (from this trainer's embedder, in the same order) the
     * caller already has, e.g. kept from an earlier training of the same shop.
     */
    public IntentClassifier train(List<IntentExample> examples, List<float[]> embeddings, IntentSettings settings) {
        return train(examples, embeddings, settings, 0);
    }

    private IntentClassifier train(
            List<IntentExample> examples, List<float[]> embeddings, IntentSettings settings, long embeddingMillis) {
        List<String> intents = checkedIntents(examples, embeddings, settings);
        List<String> utterances =
                examples.stream().map(IntentExample::utterance).toList();
        List<String> labels = examples.stream().map(IntentExample::intent).toList();
        long embedded = System.nanoTime();
        TrainingData data =
                new TrainingData(utterances, embeddings, labels, labelIndices(labels, intents), intents.size());
        StratifiedSplit split = StratifiedSplit.of(labels, settings.heldOutFraction(), settings.seed());
        Calibrated calibrated = calibrate(data, split, settings);
        IntentFeatures features = features(data, allPositions(data), settings);
        SoftmaxModel model = fit(data, features, allPositions(data), data.labels(), intents.size(), settings);
        long trainingMillis = (System.nanoTime() - embedded) / 1_000_000;
        IntentTrainingReport report = new IntentTrainingReport(
                examples.size(),
                intents.size(),
                calibrated.accuracy(),
                calibrated.temperature(),
                calibrated.threshold().threshold(),
                calibrated.threshold().similarityThreshold(),
                calibrated.threshold().outOfScopeRecall(),
                calibrated.threshold().inScopeAnswered(),
                embeddingMillis,
                trainingMillis);
        OutOfScopeTuning tuned = calibrated.threshold();
        Prototypes prototypes = Prototypes.of(
                data.embeddings(),
                data.labels(),
                data.classes(),
                allPositions(data),
                settings.prototypesPerIntent(),
                settings.seed());
        return new IntentClassifier(
                embedder,
                intents,
                features,
                model,
                prototypes,
                calibrated.temperature(),
                tuned.threshold(),
                tuned.similarityThreshold(),
                report);
    }

    /** The sorted distinct intents, after checking the inputs fit together. */
    private static List<String> checkedIntents(
            List<IntentExample> examples, List<float[]> embeddings, IntentSettings settings) {
        requireNonNull(examples, "examples is null");
        requireNonNull(embeddings, "embeddings is null");
        requireNonNull(settings, "settings is null");
        if (embeddings.size() != examples.size()) {
            throw new IllegalArgumentException("need one embedding per example");
        }
        List<String> intents =
                examples.stream().map(IntentExample::intent).distinct().sorted().toList();
        if (intents.size() < 2) {
            throw new IllegalArgumentException("training needs at least two intents, got " + intents.size());
        }
        return intents;
    }

    private Calibrated calibrate(TrainingData data, StratifiedSplit split, IntentSettings settings) {
        IntentFeatures features = features(data, split.first(), settings);
        int[] fitLabels = select(data.labels(), split.first());
        int[] heldLabels = select(data.labels(), split.second());
        SoftmaxModel model = fit(data, features, split.first(), fitLabels, data.classes(), settings);
        List<double[]> logits = logits(model, features.rows(data.embeddings(), data.utterances(), split.second()));
        double temperature = Calibration.temperature(logits, heldLabels);
        double accuracy = accuracy(logits, heldLabels);
        if (data.classes() < 3) {
            // hiding one of two classes leaves nothing to classify: no out-of-scope threshold
            return new Calibrated(temperature, accuracy, new OutOfScopeTuning(0, 0, 0, accuracy));
        }
        OutOfScopeTuning threshold = tuneThreshold(data, split, features, temperature, settings, background());
        return new Calibrated(temperature, accuracy, threshold);
    }

    /** The background messages' embeddings, computed once per trainer. */
    private List<float[]> background() {
        List<float[]> embedded = background;
        if (embedded == null) {
            embedded = embedder.embedAll(BackgroundMessages.all());
            background = embedded;
        }
        return embedded;
    }

    /**
     * Trains without some intents and tunes the thresholds on their held-out examples, measuring
     * similarity against prototypes of the seen intents only, as a real unknown message would be. A
     * small training set holds out only a handful of messages, so it repeats this over several
     * rounds, each with its own split and hidden intents, and tunes once on all of them.
     */
    private static OutOfScopeTuning tuneThreshold(
            TrainingData data,
            StratifiedSplit split,
            IntentFeatures features,
            double temperature,
            IntentSettings settings,
            List<float[]> background) {
        StandIns pooled = new StandIns();
        int rounds = standInRounds(split.second().length);
        for (int round = 0; round < rounds; round++) {
            StratifiedSplit roundSplit = round == 0
                    ? split
                    : StratifiedSplit.of(data.labelNames(), settings.heldOutFraction(), settings.seed() + round);
            IntentFeatures roundFeatures = round == 0 ? features : features(data, roundSplit.first(), settings);
            standIns(
                    data,
                    roundSplit,
                    roundFeatures,
                    temperature,
                    settings,
                    settings.seed() + round,
                    background,
                    pooled);
        }
        return OutOfScopeTuning.tune(pooled.confidences(), pooled.predicted(), pooled.similarities(), pooled.labels());
    }

    /** Enough rounds for about {@value #STAND_IN_MESSAGES} held-out messages, at most {@value #MAX_ROUNDS}. */
    static int standInRounds(int heldOut) {
        return (int) Math.max(1, Math.min(MAX_ROUNDS, Math.ceil((double) STAND_IN_MESSAGES / Math.max(1, heldOut))));
    }

    private static final int STAND_IN_MESSAGES = 400;
    private static final int MAX_ROUNDS = 8;

    private static void standIns(
            TrainingData data,
            StratifiedSplit split,
            IntentFeatures features,
            double temperature,
            IntentSettings settings,
            long seed,
            List<float[]> background,
            StandIns pooled) {
        UnseenIntents unseen = UnseenIntents.choose(data.classes(), settings.unseenIntentFraction(), seed);
        int[] seenPositions = Arrays.stream(split.first())
                .filter(position -> !unseen.hidden(data.labels()[position]))
                .toArray();
        int[] seenLabels = unseen.remap(data.labels());
        SoftmaxModel partial =
                fit(data, features, seenPositions, select(seenLabels, seenPositions), unseen.seen(), settings);
        Prototypes prototypes = Prototypes.of(
                data.embeddings(), seenLabels, unseen.seen(), seenPositions, settings.prototypesPerIntent(), seed);
        List<FeatureRow> rows = features.rows(data.embeddings(), data.utterances(), split.second());
        for (int i = 0; i < rows.size(); i++) {
            int position = split.second()[i];
            double[] probabilities = SoftmaxModel.probabilities(partial.logits(rows.get(i)), temperature);
            int predicted = argMax(probabilities);
            pooled.add(
                    probabilities[predicted],
                    predicted,
                    prototypes.nearest(data.embeddings().get(position), predicted),
                    seenLabels[position]);
        }
        List<String> messages = BackgroundMessages.all();
        for (int i = 0; i < messages.size(); i++) {
            FeatureRow row = features.row(background.get(i), messages.get(i));
            double[] probabilities = SoftmaxModel.probabilities(partial.logits(row), temperature);
            int predicted = argMax(probabilities);
            pooled.add(
                    probabilities[predicted],
                    predicted,
                    prototypes.nearest(background.get(i), predicted),
                    Calibration.BACKGROUND);
        }
    }

    /**
     * Held-out messages of all rounds: confidence, predicted intent, similarity and true label
     * ({@link Calibration#HIDDEN_INTENT} or {@link Calibration#BACKGROUND} for stand-ins).
     */
    private static final class StandIns {
        private final List<double[]> rows = new ArrayList<>();

        void add(double confidence, int predicted, double similarity, int label) {
            rows.add(new double[] {confidence, predicted, similarity, label});
        }

        double[] confidences() {
            return rows.stream().mapToDouble(row -> row[0]).toArray();
        }

        int[] predicted() {
            return rows.stream().mapToInt(row -> (int) row[1]).toArray();
        }

        double[] similarities() {
            return rows.stream().mapToDouble(row -> row[2]).toArray();
        }

        int[] labels() {
            return rows.stream().mapToInt(row -> (int) row[3]).toArray();
        }
    }

    private static IntentFeatures features(TrainingData data, int[] positions, IntentSettings settings) {
        List<String> texts = new ArrayList<>(positions.length);
        for (int position : positions) {
            texts.add(data.utterances().get(position));
        }
        LexicalFeatures lexical = LexicalFeatures.fit(texts, settings.lexical());
        return new IntentFeatures(lexical, settings.lexical(), (float) settings.embeddingWeight());
    }

    private static SoftmaxModel fit(
            TrainingData data,
            IntentFeatures features,
            int[] positions,
            int[] labels,
            int classes,
            IntentSettings settings) {
        List<FeatureRow> rows = features.rows(data.embeddings(), data.utterances(), positions);
        return SoftmaxTrainer.train(rows, labels, classes, features.lexical().size(), settings.softmax());
    }

    private static List<double[]> logits(SoftmaxModel model, List<FeatureRow> rows) {
        return rows.stream().map(model::logits).toList();
    }

    static double accuracy(List<double[]> logits, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += argMax(logits.get(i)) == labels[i] ? 1 : 0;
        }
        return labels.length == 0 ? 0 : (double) correct / labels.length;
    }

    static int argMax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            best = values[k] > values[best] ? k : best;
        }
        return best;
    }

    private static int[] labelIndices(List<String> labels, List<String> intents) {
        return labels.stream()
                .mapToInt(label -> Collections.binarySearch(intents, label))
                .toArray();
    }

    private static int[] allPositions(TrainingData data) {
        int[] positions = new int[data.labels().length];
        Arrays.setAll(positions, i -> i);
        return positions;
    }

    private static int[] select(int[] values, int[] positions) {
        return Arrays.stream(positions).map(position -> values[position]).toArray();
    }

    private record TrainingData(
            List<String> utterances, List<float[]> embeddings, List<String> labelNames, int[] labels, int classes) {}

    private record Calibrated(double temperature, double accuracy, OutOfScopeTuning threshold) {}
}
