package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    // Ranked list 10, 20, 30, 40, 50; relevant 20, 40, 99 (99 never recommended); k = 5.
    private static final int[] RECOMMENDED = {10, 20, 30, 40, 50};
    private static final int[] RELEVANT = {20, 40, 99};

    @Test
    void precisionDividesHitsByK() {
        assertThat(RankingMetrics.precision(RECOMMENDED, RELEVANT, 5)).isEqualTo(2.0 / 5);
        assertThat(RankingMetrics.precision(new int[] {20}, RELEVANT, 5)).isEqualTo(1.0 / 5);
    }

    @Test
    void recallDividesHitsByRelevantCount() {
        assertThat(RankingMetrics.recall(RECOMMENDED, RELEVANT, 5)).isEqualTo(2.0 / 3);
    }

    @Test
    void ndcgUsesLog2DiscountAndIdealOfMinRelevantAndK() {
        double dcg = 1 / log2(3) + 1 / log2(5);
        double ideal = 1 + 1 / log2(3) + 1 / log2(4);
        assertThat(RankingMetrics.ndcg(RECOMMENDED, RELEVANT, 5)).isCloseTo(dcg / ideal, within(1e-12));
        // Only 2 slots: the ideal list holds 2 hits, not 3.
        assertThat(RankingMetrics.ndcg(new int[] {20, 40}, RELEVANT, 2)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void averagePrecisionIsNormalisedByAllRelevantItems() {
        // Hits at ranks 2 and 4: (1/2 + 2/4) / 3 relevant.
        assertThat(RankingMetrics.averagePrecision(RECOMMENDED, RELEVANT, 5)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(RankingMetrics.averagePrecision(RECOMMENDED, RELEVANT, 3)).isCloseTo(0.5 / 3, within(1e-12));
    }

    @Test
    void rejectsUsersWithoutRelevantItems() {
        assertThatThrownBy(() -> RankingMetrics.recall(RECOMMENDED, new int[0], 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void evaluationAveragesOverTestUsersAndExcludesSeenItems() {
        // Two users, items 1..4. The fixed scorer prefers 1 > 2 > 3 > 4.
        InteractionMatrix train = InteractionMatrix.of(
                List.of(Interaction.of(7, 1), Interaction.of(7, 4), Interaction.of(8, 2), Interaction.of(8, 3)));
        List<Interaction> test = List.of(Interaction.of(7, 2), Interaction.of(8, 4), Interaction.of(9, 1));
        Recommender fixed = (user, scores) -> {
            for (int item = 0; item < scores.length; item++) {
                scores[item] = -item;
            }
        };
        EvaluationReport report = RankingEvaluation.evaluate(train, test, fixed, 1);
        // User 7 gets [2] (1 is seen): hit. User 8 gets [1]: miss. User 9 is unknown: skipped.
        assertThat(report.users()).isEqualTo(2);
        assertThat(report.precision()).isEqualTo(0.5);
        assertThat(report.recall()).isEqualTo(0.5);
        assertThat(report.ndcg()).isEqualTo(0.5);
        assertThat(report.map()).isEqualTo(0.5);
        assertThat(report.coverage()).isEqualTo(2.0 / 4);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
