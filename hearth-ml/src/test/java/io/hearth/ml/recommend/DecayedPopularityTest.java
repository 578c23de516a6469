package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecayedPopularityTest {

    private static final long DAY = 86_400;
    private static final long NOW = 1_000 * DAY;

    // Item 1: three buyers 20 days ago. Item 2: two buyers today. Item 3: one buyer today.
    private static final List<Interaction> SALES = List.of(
            new Interaction(1, 1, 1f, NOW - 20 * DAY),
            new Interaction(2, 1, 5f, NOW - 20 * DAY),
            new Interaction(3, 1, 1f, NOW - 20 * DAY),
            new Interaction(1, 2, 1f, NOW),
            new Interaction(2, 2, 1f, NOW),
            new Interaction(4, 3, 1f, NOW));

    @Test
    void halvesEveryHalfLife() {
        InteractionMatrix matrix = InteractionMatrix.of(SALES);
        var popularity = DecayedPopularity.build(matrix, 10, NOW);
        assertThat(popularity.popularity(matrix.items().indexOf(1))).isCloseTo(0.75f, within(1e-5f));
        assertThat(popularity.popularity(matrix.items().indexOf(2))).isEqualTo(2f);
        assertThat(popularity.top(1)).containsExactly(matrix.items().indexOf(2));
    }

    @Test
    void withoutDecayCountsBuyersNotQuantities() {
        InteractionMatrix matrix = InteractionMatrix.of(SALES);
        var popularity = DecayedPopularity.build(matrix, Double.POSITIVE_INFINITY, NOW);
        assertThat(popularity.top(3))
                .containsExactly(
                        matrix.items().indexOf(1),
                        matrix.items().indexOf(2),
                        matrix.items().indexOf(3));
    }

    @Test
    void ranksWithinACategory() {
        InteractionMatrix matrix = InteractionMatrix.of(SALES);
        var popularity = DecayedPopularity.build(matrix, 10, NOW);
        int[] categoryOfItem = new int[matrix.itemCount()];
        categoryOfItem[matrix.items().indexOf(2)] = 1;
        assertThat(popularity.topInCategory(categoryOfItem, 0, 5))
                .containsExactly(matrix.items().indexOf(3), matrix.items().indexOf(1));
    }
}
