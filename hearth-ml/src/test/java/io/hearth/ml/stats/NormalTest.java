package io.hearth.ml.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalTest {

    @Test
    void distributionFunctionAndQuantileInvertEachOther() {
        assertThat(Normal.cdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(Normal.cdf(1.959964)).isCloseTo(0.975, within(1e-6));
        for (double p : new double[] {0.001, 0.1, 0.5, 0.9, 0.999}) {
            assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(1e-6));
        }
    }
}
