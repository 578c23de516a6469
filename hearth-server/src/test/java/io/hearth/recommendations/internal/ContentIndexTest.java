package io.hearth.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hearth.ml.recommend.FactorModel;
import org.junit.jupiter.api.Test;

class ContentIndexTest {

    // items 0 and 1 are described alike, 2 differently, 3 like 0 and 1 (cold), 4 like 2 (cold), 5 not at all
    private static final float[][] TEXT = {{1, 0.1f, 0}, {0.9f, 0.2f, 0}, {0, 0, 1}, {1, 0.15f, 0}, {0, 0.1f, 1}, null};

    @Test
    void nearestAnswersOnlyDescribedItemsAlikeEnoughBestFirst() {
        ContentIndex content = ContentIndex.of(TEXT);

        var near = content.nearest(content.vector(0), 5, new int[] {0});

        assertThat(near.items()).containsExactly(3, 1);
        assertThat(near.scores()[0]).isGreaterThanOrEqualTo(near.scores()[1]);
        assertThat(content.count()).isEqualTo(5);
        assertThat(content.has(5)).isFalse();
        assertThat(content.neighbours(0).items()).containsExactly(near.items());
        assertThat(content.neighbours(0)).as("kept, not computed again").isSameAs(content.neighbours(0));
        assertThat(content.neighbours(5).items()).isEmpty();
    }

    @Test
    void coldItemsTakeTheFactorsOfTheWarmItemsDescribedLikeThem() {
        ContentIndex content = ContentIndex.of(TEXT);
        float[] items = {
            1,
            0, // 0: coffee taste
            0.8f,
            0.2f, // 1
            0,
            1, // 2: tea taste
            0,
            0, // 3: cold
            0,
            0, // 4: cold
            0,
            0 // 5: cold, no text
        };
        FactorModel model = FactorModel.of(2, new float[] {1, 0}, items);

        FactorModel filled = content.withColdItems(model, new int[] {3, 4, 5}, 5);

        float[] result = filled.itemFactors();
        assertThat(result[6]).isBetween(0.8f, 1f); // like items 0 and 1
        assertThat(result[7]).isBetween(0f, 0.2f);
        assertThat(result[8]).isCloseTo(0f, within(1e-6f)); // like item 2 only
        assertThat(result[9]).isCloseTo(1f, within(1e-6f));
        assertThat(result[10]).isZero(); // nothing to go on
        assertThat(result[11]).isZero();
        assertThat(model.itemFactors()[6]).as("the model itself is unchanged").isZero();
    }

    @Test
    void anIndexWithoutDescriptionsAnswersNothing() {
        ContentIndex content = ContentIndex.of(new float[3][]);

        assertThat(content.count()).isZero();
        assertThat(content.nearest(new float[] {1}, 3, new int[0]).items()).isEmpty();
    }
}
