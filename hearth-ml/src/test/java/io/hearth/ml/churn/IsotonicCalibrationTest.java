package io.hearth.ml.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IsotonicCalibrationTest {

    @Test
    void poolsAdjacentViolatorsIntoAMonotoneStepFunction() {
        double[] score = {1, 2, 3, 4, 5, 6};
        boolean[] outcome = {false, true, false, false, true, true};

        IsotonicCalibration calibration = IsotonicCalibration.fit(score, outcome);

        // Scores 2..4 violate order (1, 0, 0) and pool to 1/3 at their mean score 3.
        assertThat(calibration.knotScores()).containsExactly(1, 3, 5.5);
        assertThat(calibration.knotProbabilities()).containsExactly(0, 1 / 3.0, 1);
        assertThat(calibration.apply(0)).isZero();
        assertThat(calibration.apply(2)).isCloseTo(1 / 6.0, within(1e-12));
        assertThat(calibration.apply(3)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(calibration.apply(100)).isEqualTo(1);
    }

    @Test
    void restoresFromKnotsAndRefusesDecreasingOnes() {
        IsotonicCalibration restored = IsotonicCalibration.of(new double[] {0, 1}, new double[] {0.2, 0.6});
        assertThat(restored.apply(0.5)).isCloseTo(0.4, within(1e-12));
        assertThatThrownBy(() -> IsotonicCalibration.of(new double[] {0, 1}, new double[] {0.6, 0.2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
