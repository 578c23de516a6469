package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ItemCoOccurrenceTest {

    private static final long DAY = 86_400;

    /**
     * 200 users buy random items from 0-29; 30 of them also buy the planted pair 100 and 101
     * together. Item 0 is made very popular so that raw counts would favour it.
     */
    @Test
    void ranksThePlantedPairFirst() {
        InteractionMatrix matrix = InteractionMatrix.of(plantedPair(0));
        for (Similarity similarity : Similarity.values()) {
            var model =
                    ItemCoOccurrence.build(matrix, CoOccurrenceConfig.defaults().withSimilarity(similarity));
            int item100 = matrix.items().indexOf(100);
            int[] similar = model.similarItems(item100, 3);
            assertThat(matrix.items().idAt(similar[0])).as(similarity.name()).isEqualTo(101);
        }
    }

    @Test
    void windowIgnoresPairsBoughtFarApart() {
        // Now the pair is bought 60 days apart: within a 7-day window it is no longer a pair.
        InteractionMatrix matrix = InteractionMatrix.of(plantedPair(60 * DAY));
        int item100 = matrix.items().indexOf(100);
        var unwindowed = ItemCoOccurrence.build(matrix, CoOccurrenceConfig.defaults());
        var windowed =
                ItemCoOccurrence.build(matrix, CoOccurrenceConfig.defaults().withWindowDays(7));
        assertThat(matrix.items().idAt(unwindowed.similarItems(item100, 1)[0])).isEqualTo(101);
        assertThat(windowed.similarItems(item100, 10))
                .doesNotContain(matrix.items().indexOf(101));
    }

    @Test
    void logLikelihoodIsZeroForIndependentItems() {
        // 100 users, A and B each in half, together in exactly the expected quarter.
        assertThat(Similarity.LOG_LIKELIHOOD.score(25, 50, 50, 100, 0)).isZero();
        assertThat(Similarity.LOG_LIKELIHOOD.score(50, 50, 50, 100, 0)).isCloseTo(2 * 100 * Math.log(2), within(1e-9));
    }

    private static List<Interaction> plantedPair(long gapSeconds) {
        Random random = new Random(11);
        List<Interaction> interactions = new ArrayList<>();
        for (int user = 0; user < 200; user++) {
            long time = 1_000_000 + user * 1000L;
            interactions.add(new Interaction(user, 0, 1f, time));
            for (int n = 0; n < 5; n++) {
                interactions.add(new Interaction(user, 1 + random.nextInt(29), 1f, time));
            }
            if (user % 10 == 0) {
                interactions.add(new Interaction(user, 100 + random.nextInt(2), 1f, time));
            }
            if (user < 30) {
                interactions.add(new Interaction(user, 100, 1f, time));
                interactions.add(new Interaction(user, 101, 1f, time + gapSeconds));
            }
        }
        return interactions;
    }
}
