package io.hearth.ml.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hearth.ml.churn.BehaviourFeatures;
import io.hearth.ml.churn.Engagement;
import io.hearth.ml.churn.FeatureVector;
import io.hearth.ml.churn.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthScoreTest {

    private static final Instant NOW = Instant.parse("2024-09-01T00:00:00Z");
    private static final HealthScore SCORE = new HealthScore(100);

    /** A customer who bought every 14 days for a year, the last time {@code daysAgo} days before now. */
    private static List<Order> rhythm(int daysAgo) {
        List<Order> orders = new ArrayList<>();
        for (int k = 0; k < 26; k++) {
            orders.add(Order.purchase("ada", NOW.minus(Duration.ofDays(daysAgo + 14L * k)), 40, List.of("tea")));
        }
        return orders;
    }

    private static FeatureVector features(List<Order> orders, List<Engagement> engagements, Instant at) {
        return BehaviourFeatures.compute(orders, engagements, at).getFirst();
    }

    @Test
    void aRegularCustomerScoresHighAndFallsWhenOverdueWithRecencyAsTheTopChange() {
        List<Order> orders = rhythm(3);
        HealthAssessment today = SCORE.assess(features(orders, List.of(), NOW));
        HealthAssessment twoMonthsLater = SCORE.assess(features(orders, List.of(), NOW.plus(Duration.ofDays(60))));

        assertThat(today.score()).isBetween(60.0, 100.0);
        assertThat(today.points().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(today.score(), within(1e-9));
        assertThat(twoMonthsLater.score()).isLessThan(today.score() - 20);
        List<HealthChange> changes = HealthScore.changes(today, twoMonthsLater, 2);
        assertThat(changes).hasSize(2);
        assertThat(changes.getFirst().factor()).isEqualTo(HealthFactor.RECENCY);
        assertThat(changes.getFirst().delta()).isNegative();
    }

    @Test
    void refundsAndSupportContactsLowerTheScoreAndEngagementRaisesIt() {
        List<Order> orders = new ArrayList<>(rhythm(3));
        HealthAssessment plain = SCORE.assess(features(orders, List.of(), NOW));
        orders.add(Order.refund("ada", NOW.minus(Duration.ofDays(1)), 500));
        List<Engagement> support = List.of(
                new Engagement("ada", NOW.minus(Duration.ofDays(2)), Engagement.Kind.SUPPORT_CONTACT),
                new Engagement("ada", NOW.minus(Duration.ofDays(1)), Engagement.Kind.SUPPORT_CONTACT));
        HealthAssessment troubled = SCORE.assess(features(orders, support, NOW));
        List<Engagement> opens = List.of(
                new Engagement("ada", NOW.minus(Duration.ofDays(2)), Engagement.Kind.MESSAGE_OPEN),
                new Engagement("ada", NOW.minus(Duration.ofDays(1)), Engagement.Kind.CLICK),
                new Engagement("ada", NOW.minus(Duration.ofHours(3)), Engagement.Kind.VISIT));
        HealthAssessment engaged = SCORE.assess(features(rhythm(3), opens, NOW));

        assertThat(troubled.score()).isLessThan(plain.score());
        assertThat(HealthScore.changes(plain, troubled, 3))
                .extracting(HealthChange::factor)
                .contains(HealthFactor.REFUNDS, HealthFactor.SUPPORT);
        assertThat(engaged.score()).isGreaterThan(plain.score());
        assertThat(engaged.score()).isLessThanOrEqualTo(100);
    }
}
