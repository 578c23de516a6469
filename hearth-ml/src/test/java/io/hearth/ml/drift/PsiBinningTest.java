package io.hearth.ml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PsiBinningTest {

    private static double[] normal(Random random, int n, double mean) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + random.nextGaussian();
        }
        return values;
    }

    @Test
    void sameDistributionIsStableAndAShiftedOneIsSignificant() {
        Random random = new Random(7);
        double[] training = normal(random, 20_000, 0);
        PsiBinning binning = PsiBinning.fit(training, 10);

        double same = binning.psi(normal(random, 20_000, 0));
        double shifted = binning.psi(normal(random, 20_000, 1));

        assertThat(binning.trainingShares()[0]).isCloseTo(0.1, within(0.005));
        assertThat(same).isLessThan(0.01);
        assertThat(DriftLevel.of(same)).isEqualTo(DriftLevel.STABLE);
        assertThat(shifted).isGreaterThan(0.25);
        assertThat(DriftLevel.of(shifted)).isEqualTo(DriftLevel.SIGNIFICANT);
    }

    @Test
    void matchesAHandComputedValueAndCountsMissingValuesAsTheirOwnBin() {
        PsiBinning binning = PsiBinning.fit(new double[] {1, 2, 3, 4}, 2);
        // Edges {3}: training shares 0.75 / 0.25 / NaN 0. Live {1, 4, 4, 4}: 0.25 / 0.75.
        double expected = (0.25 - 0.75) * Math.log(0.25 / 0.75) + (0.75 - 0.25) * Math.log(0.75 / 0.25);
        assertThat(binning.psi(new double[] {1, 4, 4, 4})).isCloseTo(expected, within(1e-12));

        double withMissing = binning.psi(new double[] {1, 2, 3, Double.NaN});
        assertThat(withMissing).isGreaterThan(0.1);
        PsiBinning restored = PsiBinning.of(binning.upperEdges(), binning.trainingShares());
        assertThat(restored.psi(new double[] {1, 4, 4, 4})).isCloseTo(expected, within(1e-12));
    }
}
