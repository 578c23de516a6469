package io.hearth.ml.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

    private static final double[] SCORE = {0.1, 0.4, 0.35, 0.8};
    private static final boolean[] POSITIVE = {false, false, true, true};

    @Test
    void rocAucCountsCorrectlyOrderedPairsWithTiesAsHalf() {
        // Pairs (positive, negative): (0.35 > 0.1) yes, (0.35 > 0.4) no, (0.8 > both) yes: 3 of 4.
        assertThat(BinaryMetrics.rocAuc(SCORE, POSITIVE)).isCloseTo(0.75, within(1e-12));
        assertThat(BinaryMetrics.rocAuc(new double[] {1, 1}, new boolean[] {true, false}))
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void averagePrecisionMatchesTheHandComputedCurve() {
        // Ranked 0.8(+), 0.4(-), 0.35(+), 0.1(-): precision at the hits is 1 and 2/3.
        assertThat(BinaryMetrics.averagePrecision(SCORE, POSITIVE)).isCloseTo((1 + 2 / 3.0) / 2, within(1e-12));
    }

    @Test
    void brierAndCalibrationTable() {
        assertThat(BinaryMetrics.brier(SCORE, POSITIVE)).isCloseTo((0.01 + 0.16 + 0.4225 + 0.04) / 4, within(1e-12));
        List<CalibrationBin> table = BinaryMetrics.calibrationTable(SCORE, POSITIVE, 2);
        assertThat(table.getFirst().count()).isEqualTo(3);
        assertThat(table.getFirst().observedRate()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(table.getLast().meanPredicted()).isCloseTo(0.8, within(1e-12));
    }
}
