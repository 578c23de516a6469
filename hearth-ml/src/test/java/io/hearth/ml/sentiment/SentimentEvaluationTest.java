package io.hearth.ml.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.intent.StratifiedSplit;
import io.hearth.ml.intent.SupportData;
import io.hearth.ml.text.SentenceEmbedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * UCI "Sentiment Labelled Sentences" (Kotzias et al. 2015): 3,000 review sentences from Amazon, Yelp
 * and IMDb, half positive. The lexicon method needs no training and is scored on all of them; the
 * trained model by 5-fold stratified cross-validation.
 */
class SentimentEvaluationTest {

    private static final String[] SOURCES = {"amazon_cells_labelled.txt", "yelp_labelled.txt", "imdb_labelled.txt"};

    @Test
    void lexiconAndTrainedModelReachTheirBars() throws IOException {
        List<LabelledText> sentences = sentences();
        SentimentAnalyzer vader = new SentimentAnalyzer(lexicon("vader_lexicon.txt", 1));
        SentimentAnalyzer both =
                new SentimentAnalyzer(lexicon("vader_lexicon.txt", 1).withFallback(lexicon("AFINN-en-165.txt", 0.8)));
        BinaryScores vaderScores =
                BinaryScores.of(sentences, text -> vader.score(text).compound() > 0);
        BinaryScores bothScores =
                BinaryScores.of(sentences, text -> both.score(text).compound() > 0);
        BinaryScores trained = crossValidated(sentences);
        System.out.printf(
                "%n| method (UCI labelled sentences, n=%d) | accuracy | macro-F1 |%n|---|---|---|%n", sentences.size());
        vaderScores.print("VADER-style rules, VADER lexicon");
        bothScores.print("VADER-style rules, VADER + AFINN lexicons");
        trained.print("trained (embedding + TF-IDF softmax), 5-fold CV");
        assertThat(vaderScores.accuracy()).isBetween(0.78, 0.90);
        assertThat(vaderScores.macroF1()).isBetween(0.78, 0.90);
        assertThat(trained.accuracy()).isGreaterThan(bothScores.accuracy()).isBetween(0.87, 0.96);
        assertThat(trained.macroF1()).isBetween(0.87, 0.96);
    }

    /**
     * The example of docs/support-models.md: the general lexicons have no "slow", so only the shop's
     * own delivery terms make the message negative.
     */
    @Test
    void shopTermsFillTheGeneralLexiconsGaps() throws IOException {
        SentimentLexicon wider = lexicon("vader_lexicon.txt", 1).withFallback(lexicon("AFINN-en-165.txt", 0.8));
        SentimentLexicon shop =
                SentimentLexicon.of(Map.of("slow", -1.5, "late", -1.5)).withFallback(wider);
        String message = "The jacket is nice but delivery was SO slow!!";
        SentimentScore general = new SentimentAnalyzer(wider).score(message);
        SentimentScore own = new SentimentAnalyzer(shop).score(message);
        System.out.printf(
                "documented example: compound %.3f general, %.3f with shop terms%n",
                general.compound(), own.compound());
        assertThat(general.sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(own.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    private static BinaryScores crossValidated(List<LabelledText> sentences) {
        List<String> folds = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            folds.add(sentences.get(i).positive() ? "positive" : "negative");
        }
        boolean[] predicted = new boolean[sentences.size()];
        try (SentenceEmbedder embedder = SentenceEmbedder.load()) {
            List<float[]> embeddings =
                    embedder.embedAll(sentences.stream().map(LabelledText::text).toList());
            int[] fold = foldOf(folds, 5);
            for (int f = 0; f < 5; f++) {
                int current = f;
                int[] train = positions(fold, i -> fold[i] != current);
                int[] test = positions(fold, i -> fold[i] == current);
                TrainedSentiment model = TrainedSentiment.train(
                        embedder,
                        Arrays.stream(train).mapToObj(sentences::get).toList(),
                        Arrays.stream(train).mapToObj(embeddings::get).toList());
                List<Double> probabilities = model.positiveProbabilities(Arrays.stream(test)
                        .mapToObj(i -> sentences.get(i).text())
                        .toList());
                for (int i = 0; i < test.length; i++) {
                    predicted[test[i]] = probabilities.get(i) >= 0.5;
                }
            }
        }
        return BinaryScores.of(sentences, predicted);
    }

    /** Assigns each position a fold so that each label is spread evenly. */
    private static int[] foldOf(List<String> labels, int folds) {
        int[] fold = new int[labels.size()];
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            remaining.add(i);
        }
        for (int f = 0; f < folds - 1; f++) {
            List<String> remainingLabels = remaining.stream().map(labels::get).toList();
            StratifiedSplit split = StratifiedSplit.of(remainingLabels, 1.0 / (folds - f), 31 + f);
            List<Integer> next = new ArrayList<>();
            for (int position : split.second()) {
                fold[remaining.get(position)] = f;
            }
            for (int position : split.first()) {
                next.add(remaining.get(position));
            }
            remaining = next;
        }
        for (int position : remaining) {
            fold[position] = folds - 1;
        }
        return fold;
    }

    private static int[] positions(int[] fold, java.util.function.IntPredicate keep) {
        return java.util.stream.IntStream.range(0, fold.length).filter(keep).toArray();
    }

    static List<LabelledText> sentences() throws IOException {
        List<LabelledText> sentences = new ArrayList<>();
        for (String source : SOURCES) {
            Path file = SupportData.file("sentiment/uci-labelled-sentences/" + source);
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.lastIndexOf('\t');
                if (tab > 0) {
                    sentences.add(new LabelledText(
                            line.substring(0, tab).strip(),
                            line.substring(tab + 1).strip().equals("1")));
                }
            }
        }
        return sentences;
    }

    static SentimentLexicon lexicon(String name, double scale) throws IOException {
        return SentimentLexicon.parse(
                Files.readAllLines(SupportData.file("sentiment/lexicons/" + name), StandardCharsets.UTF_8), scale);
    }

    /** Accuracy and macro-F1 of binary predictions. */
    record BinaryScores(double accuracy, double macroF1) {

        static BinaryScores of(List<LabelledText> sentences, Predicate<String> positive) {
            boolean[] predicted = new boolean[sentences.size()];
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = positive.test(sentences.get(i).text());
            }
            return of(sentences, predicted);
        }

        static BinaryScores of(List<LabelledText> sentences, boolean[] predicted) {
            int[][] counts = new int[2][2]; // [truth][prediction]
            for (int i = 0; i < predicted.length; i++) {
                counts[sentences.get(i).positive() ? 1 : 0][predicted[i] ? 1 : 0]++;
            }
            double accuracy = (double) (counts[0][0] + counts[1][1]) / predicted.length;
            return new BinaryScores(accuracy, (f1(counts, 0) + f1(counts, 1)) / 2);
        }

        private static double f1(int[][] counts, int label) {
            int truePositive = counts[label][label];
            int falsePositive = counts[1 - label][label];
            int falseNegative = counts[label][1 - label];
            return truePositive == 0 ? 0 : 2.0 * truePositive / (2.0 * truePositive + falsePositive + falseNegative);
        }

        void print(String method) {
            System.out.printf("| %s | %.4f | %.4f |%n", method, accuracy, macroF1);
        }
    }
}
