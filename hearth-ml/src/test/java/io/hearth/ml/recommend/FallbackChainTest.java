package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackChainTest {

    @Test
    void takesSourcesInOrderSkippingExcludedAndRepeatedItems() {
        Slate slate = FallbackChain.fill(5, 10, new int[] {4}, List.of(new int[] {3, 4}, new int[] {3, 7, 8}));
        assertThat(slate.items()).containsExactly(3, 7, 8, 0, 1);
        assertThat(slate.sources()).containsExactly(0, 1, 1, 2, 2);
    }

    @Test
    void fillsFromTheCatalogueWhenEverySourceIsEmpty() {
        Slate slate = FallbackChain.fill(3, 4, new int[] {0, 2}, List.of(new int[0]));
        assertThat(slate.items()).containsExactly(1, 3);
        assertThat(slate.sources()).containsExactly(1, 1);
    }

    @Test
    void ignoresIndicesOutsideTheCatalogue() {
        Slate slate = FallbackChain.fill(2, 3, new int[0], List.of(new int[] {-1, 9, 2}));
        assertThat(slate.items()).containsExactly(2, 0);
    }
}
