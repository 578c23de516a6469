package io.hearth.ml.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BehaviourFeaturesTest {

    private static final Instant AS_OF = Instant.parse("2024-07-01T00:00:00Z");

    private static Instant daysBefore(int days) {
        return AS_OF.minus(Duration.ofDays(days));
    }

    @Test
    void computesRhythmSpendRefundsAndEngagementFromOwnHistory() {
        List<Order> orders = List.of(
                Order.purchase("anna", daysBefore(100), 30, List.of("tea")),
                Order.purchase("anna", daysBefore(70), 50, List.of("tea", "cups")),
                Order.purchase("anna", daysBefore(10), 40, List.of("honey")),
                Order.refund("anna", daysBefore(9), 20),
                Order.purchase("anna", AS_OF.plusSeconds(1), 999, List.of("future")));
        List<Engagement> engagements = List.of(
                new Engagement("anna", daysBefore(5), Engagement.Kind.MESSAGE_OPEN),
                new Engagement("anna", daysBefore(40), Engagement.Kind.CLICK),
                new Engagement("anna", daysBefore(3), Engagement.Kind.SUPPORT_CONTACT),
                new Engagement("anna", daysBefore(60), Engagement.Kind.NEGATIVE_SUPPORT_CONTACT),
                new Engagement("anna", daysBefore(120), Engagement.Kind.NEGATIVE_SUPPORT_CONTACT),
                // After the cut-off: known to the log, never to the features (the label window's data).
                new Engagement("anna", AS_OF.plusSeconds(1), Engagement.Kind.MESSAGE_OPEN),
                new Engagement("anna", AS_OF.plusSeconds(1), Engagement.Kind.NEGATIVE_SUPPORT_CONTACT));

        FeatureVector anna =
                BehaviourFeatures.compute(orders, engagements, AS_OF).getFirst();

        assertThat(anna.value(ChurnFeature.RECENCY_DAYS)).isEqualTo(10);
        assertThat(anna.value(ChurnFeature.PURCHASE_DAYS)).isEqualTo(3);
        assertThat(anna.value(ChurnFeature.TOTAL_SPEND)).isEqualTo(120);
        assertThat(anna.value(ChurnFeature.MEAN_ORDER_VALUE)).isEqualTo(40);
        assertThat(anna.value(ChurnFeature.SPEND_LAST_90_DAYS)).isEqualTo(90);
        assertThat(anna.value(ChurnFeature.TENURE_DAYS)).isEqualTo(100);
        assertThat(anna.value(ChurnFeature.MEAN_INTERVAL_DAYS)).isEqualTo(45);
        assertThat(anna.value(ChurnFeature.INTERVAL_VARIATION)).isCloseTo(15 / 45.0, within(1e-12));
        assertThat(anna.value(ChurnFeature.OVERDUE_RATIO)).isCloseTo(10 / 45.0, within(1e-12));
        assertThat(anna.value(ChurnFeature.PURCHASES_LAST_90_DAYS)).isEqualTo(2);
        assertThat(anna.value(ChurnFeature.PURCHASE_TREND)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(anna.value(ChurnFeature.CATEGORY_BREADTH)).isEqualTo(3);
        assertThat(anna.value(ChurnFeature.REFUND_COUNT)).isEqualTo(1);
        assertThat(anna.value(ChurnFeature.REFUND_SHARE)).isCloseTo(20 / 120.0, within(1e-12));
        assertThat(anna.value(ChurnFeature.ENGAGEMENTS_LAST_30_DAYS)).isEqualTo(1);
        assertThat(anna.value(ChurnFeature.DAYS_SINCE_ENGAGEMENT)).isEqualTo(5);
        assertThat(anna.value(ChurnFeature.SUPPORT_CONTACTS_LAST_90_DAYS)).isEqualTo(2);
        assertThat(anna.value(ChurnFeature.NEGATIVE_SUPPORT_CONTACTS_LAST_90_DAYS))
                .isEqualTo(1);
    }

    @Test
    void leavesRhythmUndefinedForOneTimeBuyersAndSkipsCustomersWithoutPurchases() {
        List<Order> orders =
                List.of(Order.purchase("ben", daysBefore(20), 10, List.of()), Order.refund("cleo", daysBefore(5), 10));

        List<FeatureVector> vectors = BehaviourFeatures.compute(orders, List.of(), AS_OF);

        assertThat(vectors).extracting(FeatureVector::customerId).containsExactly("ben");
        FeatureVector ben = vectors.getFirst();
        assertThat(ben.value(ChurnFeature.MEAN_INTERVAL_DAYS)).isNaN();
        assertThat(ben.value(ChurnFeature.OVERDUE_RATIO)).isNaN();
        assertThat(ben.value(ChurnFeature.DAYS_SINCE_ENGAGEMENT)).isNaN();
    }

    @Test
    void labelsOnlyPurchasesInsideTheWindowAsRetention() {
        List<Order> orders = List.of(
                Order.purchase("stays", daysBefore(30), 10, List.of()),
                Order.purchase("stays", AS_OF.plus(Duration.ofDays(10)), 10, List.of()),
                Order.purchase("late", daysBefore(30), 10, List.of()),
                Order.purchase("late", AS_OF.plus(Duration.ofDays(40)), 10, List.of()),
                Order.purchase("refunds", daysBefore(30), 10, List.of()),
                Order.refund("refunds", AS_OF.plus(Duration.ofDays(1)), 10));

        List<LabelledExample> examples = ChurnExamples.label(orders, List.of(), AS_OF, Duration.ofDays(30));

        assertThat(examples)
                .extracting(example -> example.features().customerId() + "=" + example.churned())
                .containsExactly("late=true", "refunds=true", "stays=false");
        assertThat(examples.getLast().features().value(ChurnFeature.PURCHASE_DAYS))
                .as("the purchase after the cut-off must not leak into the features")
                .isEqualTo(1);
    }
}
