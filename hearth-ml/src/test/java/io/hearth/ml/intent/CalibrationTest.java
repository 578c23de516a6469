package io.hearth.ml.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hearth.ml.text.SoftmaxModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /** Labels drawn from softmax(z / 2.5): the fitted temperature must come out near 2.5. */
    @Test
    void recoversTheTemperatureThatGeneratedTheLabels() {
        Random random = new Random(3);
        List<double[]> logits = new ArrayList<>();
        int[] labels = new int[20_000];
        for (int i = 0; i < labels.length; i++) {
            double[] z = {random.nextGaussian() * 4, random.nextGaussian() * 4, random.nextGaussian() * 4};
            logits.add(z);
            labels[i] = draw(SoftmaxModel.probabilities(z, 2.5), random);
        }
        assertThat(Calibration.temperature(logits, labels)).isCloseTo(2.5, within(0.15));
    }

    private static int draw(double[] probabilities, Random random) {
        double u = random.nextDouble();
        for (int k = 0; k < probabilities.length; k++) {
            u -= probabilities[k];
            if (u < 0) {
                return k;
            }
        }
        return probabilities.length - 1;
    }

    @Test
    void thresholdSeparatesConfidentInScopeFromUnsureOutOfScope() {
        double[] confidences = {0.95, 0.9, 0.85, 0.6, 0.4, 0.3, 0.88};
        int[] predicted = {0, 1, 2, 0, 1, 2, 1};
        int[] labels = {0, 1, 2, -1, -1, -1, 0};
        double[] similarities = {1, 1, 1, 1, 1, 1, 1};
        double threshold = Calibration.outOfScopeThresholds(confidences, similarities, predicted, labels)[0];
        assertThat(threshold).isGreaterThan(0.6).isLessThanOrEqualTo(0.85);
    }

    @Test
    void noStandInOutOfScopeMeansNoThreshold() {
        assertThat(Calibration.outOfScopeThresholds(
                        new double[] {0.5}, new double[] {0.5}, new int[] {0}, new int[] {0}))
                .containsExactly(0, 0);
    }

    /** Out-of-scope messages as confident as the in-scope ones are told apart by similarity alone. */
    @Test
    void similarityRefusesConfidentStrangersTheConfidenceThresholdCannot() {
        double[] confidences = {0.99, 0.98, 0.97, 0.99, 0.98, 0.97};
        double[] similarities = {0.9, 0.8, 0.7, 0.3, 0.35, 0.4};
        int[] predicted = {0, 1, 2, 0, 1, 2};
        int[] labels = {0, 1, 2, -1, -1, -1};
        double[] thresholds = Calibration.outOfScopeThresholds(confidences, similarities, predicted, labels);
        assertThat(thresholds[0]).isLessThanOrEqualTo(0.97);
        assertThat(thresholds[1]).isGreaterThan(0.4).isLessThanOrEqualTo(0.7);
    }

    /** Near and far stand-ins weigh the same: many easy far ones do not drown a few hard near ones. */
    @Test
    void nearAndFarStandInsWeighTheSame() {
        double[] confidences = {0.99, 0.98, 0.97, 0.90, 0.91, 0.92, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3};
        double[] similarities = new double[confidences.length];
        java.util.Arrays.fill(similarities, 1);
        int[] predicted = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        int h = Calibration.HIDDEN_INTENT;
        int b = Calibration.BACKGROUND;
        int[] labels = {0, 1, 0, 1, h, h, b, b, b, b, b, b};
        // Pooled, the six far strangers would make refusing only them (threshold <= 0.90) as good as
        // refusing the near two as well; weighed by kind, refusing both kinds wins.
        double threshold = Calibration.outOfScopeThresholds(confidences, similarities, predicted, labels)[0];
        assertThat(threshold).isGreaterThan(0.92).isLessThanOrEqualTo(0.97);
    }

    /** A similarity that does not separate anything stays off, so nothing in scope is refused for it. */
    @Test
    void anUnhelpfulSimilarityStaysOff() {
        double[] confidences = {0.95, 0.9, 0.85, 0.6, 0.4, 0.3};
        double[] similarities = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        int[] predicted = {0, 1, 2, 0, 1, 2};
        int[] labels = {0, 1, 2, -1, -1, -1};
        double[] thresholds = Calibration.outOfScopeThresholds(confidences, similarities, predicted, labels);
        assertThat(thresholds[0]).isGreaterThan(0.6).isLessThanOrEqualTo(0.85);
        assertThat(thresholds[1]).isZero();
    }
}
