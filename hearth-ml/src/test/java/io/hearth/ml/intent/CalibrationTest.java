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
        double threshold = Calibration.outOfScopeThreshold(confidences, predicted, labels);
        assertThat(threshold).isGreaterThan(0.6).isLessThanOrEqualTo(0.85);
    }

    @Test
    void noStandInOutOfScopeMeansNoThreshold() {
        assertThat(Calibration.outOfScopeThreshold(new double[] {0.5}, new int[] {0}, new int[] {0}))
                .isZero();
    }
}
