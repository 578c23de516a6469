package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentSimilarityTest {

    /** Items 0-2 point one way, 3-4 another, 5 has no vector. */
    private static final float[][] VECTORS = {{1, 0, 0}, {0.9f, 0.1f, 0}, {2, 0.5f, 0}, {0, 0, 1}, {0, 0.2f, 3}, null};

    @Test
    void findsItemsPointingTheSameWay() {
        ContentSimilarity content = ContentSimilarity.of(VECTORS);
        assertThat(content.similarItems(0, 2)).containsExactly(1, 2);
        assertThat(content.similarItems(3, 1)).containsExactly(4);
        assertThat(content.similarItems(5, 3)).isEmpty();
        assertThat(content.similarity(0, 0)).isCloseTo(1f, within(1e-6f));
        assertThat(content.similarity(0, 5)).isZero();
    }

    @Test
    void moreLikeThisNeverReturnsItemsWithoutVectorsOrExcludedOnes() {
        ContentSimilarity content = ContentSimilarity.of(VECTORS);
        assertThat(content.moreLikeThis(new float[] {0, 0, 1}, 10, new int[] {3}))
                .startsWith(4)
                .doesNotContain(3, 5)
                .hasSize(4);
    }

    @Test
    void scoresUsersByWhatTheyAlreadyHave() {
        InteractionMatrix matrix = InteractionMatrix.of(
                List.of(Interaction.of(0, 0), Interaction.of(1, 3), Interaction.of(2, 5)),
                IdIndex.of(new int[] {0, 1, 2}),
                IdIndex.of(new int[] {0, 1, 2, 3, 4, 5}));
        Recommender recommender = ContentSimilarity.of(VECTORS).recommender(matrix);
        assertThat(recommender.recommend(matrix, 0, 1)).containsExactly(1);
        assertThat(recommender.recommend(matrix, 1, 1)).containsExactly(4);
    }

    @Test
    void coldItemsBorrowTheFactorsOfTheirContentNeighbours() {
        // Users 0-9 buy item 0, users 10-19 item 3; item 2 (like 0) and item 4 (like 3) are new.
        List<Interaction> interactions = new ArrayList<>();
        for (int user = 0; user < 20; user++) {
            interactions.add(Interaction.of(user, user < 10 ? 0 : 3));
            interactions.add(Interaction.of(user, user < 10 ? 1 : 3));
        }
        IdIndex items = IdIndex.of(new int[] {0, 1, 2, 3, 4, 5});
        IdIndex users =
                IdIndex.of(interactions.stream().mapToInt(Interaction::userId).toArray());
        InteractionMatrix matrix = InteractionMatrix.of(interactions, users, items);
        FactorModel model =
                ImplicitAls.train(matrix, AlsConfig.defaults().withFactors(4).withThreads(1));
        FactorModel filled = ContentSimilarity.of(VECTORS).withColdItems(model, new int[] {2, 4}, 3);

        float[] scores = new float[6];
        filled.score(0, scores);
        assertThat(scores[2]).isGreaterThan(scores[4]);
        filled.score(15, scores);
        assertThat(scores[4]).isGreaterThan(scores[2]);
        assertThat(filled.itemVector(0)).containsExactly(model.itemVector(0));
    }

    @Test
    void rejectsVectorsOfMixedLengths() {
        assertThatThrownBy(() -> ContentSimilarity.of(new float[][] {{1, 2}, {1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("item 1");
    }
}
