package io.hearth.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.recommend.QuantizedDotProductIndex;
import org.junit.jupiter.api.Test;

class FactorCandidatesTest {

    private final FactorCandidates candidates =
            new FactorCandidates(QuantizedDotProductIndex.of(new float[] {1, 0, 3, 0, 2, 0, 0, 1}, 2));

    @Test
    void aShoppersTopKIsComputedOnceForTheSameRowsOwnedItemsAndK() {
        var first = candidates.top(new int[] {7}, new float[] {1, 0}, 2, new int[0]);

        assertThat(first.items()).containsExactly(1, 2);
        assertThat(candidates.top(new int[] {7}, new float[] {1, 0}, 2, new int[0]))
                .isSameAs(first);
    }

    @Test
    void somethingNewlyOwnedOrAnotherKIsAskedAfresh() {
        var first = candidates.top(new int[] {7}, new float[] {1, 0}, 2, new int[0]);

        assertThat(candidates
                        .top(new int[] {7}, new float[] {1, 0}, 2, new int[] {1})
                        .items())
                .containsExactly(2, 0);
        assertThat(candidates
                        .top(new int[] {7}, new float[] {1, 0}, 3, new int[0])
                        .items())
                .containsExactly(1, 2, 0);
        assertThat(candidates.top(new int[] {8}, new float[] {0, 1}, 2, new int[0]))
                .isNotSameAs(first);
    }
}
