package io.hearth.predictions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PsiTest {

    @Test
    void theSameDistributionIsStableAndAShiftedOneIsNot() {
        Random random = new Random(7);
        double[] training = random.doubles(5_000).toArray();
        double[] sameShape = random.doubles(5_000).toArray();
        double[] shifted = random.doubles(5_000).map(x -> x * 0.5 + 0.5).toArray();
        DriftBaseline baseline = DriftBaseline.of("x", training);

        double stable = baseline.psi(sameShape);
        double moved = baseline.psi(shifted);

        assertThat(baseline.shares()).hasSize(10);
        assertThat(stable).isLessThan(0.01);
        assertThat(moved).isGreaterThan(0.25);
        assertThat(moved)
                .as("hearth-ml's PSI equals the formula over the stored bins and the live shares the chart shows")
                .isCloseTo(Psi.index(baseline.shares(), Psi.shares(baseline.edges(), shifted)), within(1e-12));
    }

    @Test
    void tiedValuesCollapseBinsInsteadOfDividingByZero() {
        DriftBaseline baseline = DriftBaseline.of("repeat_purchases", new double[] {0, 0, 0, 0, 0, 0, 1, 1, 2, 5});

        assertThat(baseline.edges()).containsExactly(0, 1, 2, 5);
        assertThat(baseline.psi(new double[] {0, 0, 0})).isPositive().isFinite();
        assertThat(baseline.psi(new double[0]))
                .as("no live customers")
                .isPositive()
                .isFinite();
    }

    @Test
    void backtestAucRanksAndCalibrationBinsByPrediction() {
        List<double[]> rows = List.of(
                new double[] {0.1, 0},
                new double[] {0.2, 0},
                new double[] {0.8, 1},
                new double[] {0.9, 1},
                new double[] {0.5, 0},
                new double[] {0.5, 1});

        assertThat(Backtest.auc(rows)).isEqualTo(1 - 0.5 / 9);
        assertThat(Backtest.calibration(rows)).isNotEmpty();
        assertThat(Backtest.brier(List.of(new double[] {1, 1}, new double[] {0, 1})))
                .isEqualTo(0.5);
    }
}
