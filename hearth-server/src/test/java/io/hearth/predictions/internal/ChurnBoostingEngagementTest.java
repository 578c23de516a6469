package io.hearth.predictions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.churn.Engagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A shop whose orders say nothing about who leaves (everyone bought on the same rhythm until the
 * backtest cut-off) but whose leavers complained to support first. The trees can only rank them
 * through the engagement inputs, and only through those before the cut-off.
 */
class ChurnBoostingEngagementTest {

    private static final Duration HORIZON = Duration.ofDays(90);
    private static final Instant END = Instant.parse("2026-09-01T00:00:00Z");
    private static final Instant CUT_OFF = END.minus(HORIZON);
    private static final RhythmArtefact RULES = new RhythmArtefact(14.0, List.of());

    @Test
    void negativeSupportContactsBeforeTheCutOffRankTheLeavers() {
        TrainingSet data = shop(CUT_OFF.minus(Duration.ofDays(10)));

        ChurnBoosting.Outcome outcome = ChurnBoosting.train(data, HORIZON, RULES);
        outcome.artefact().close();

        assertThat(outcome.metrics().get("xgboost_auc")).isGreaterThan(0.95);
    }

    @Test
    void contactsInsideTheLabelWindowAreNotFeatures() {
        TrainingSet data = shop(CUT_OFF.plus(Duration.ofDays(10)));

        ChurnBoosting.Outcome outcome = ChurnBoosting.train(data, HORIZON, RULES);
        outcome.artefact().close();

        assertThat(outcome.metrics().get("xgboost_auc")).isLessThan(0.75);
    }

    /** 300 fortnightly buyers; every third stops at the cut-off after a negative contact at {@code complaint}. */
    private static TrainingSet shop(Instant complaint) {
        Random random = new Random(11);
        List<PurchaseHistory> customers = new ArrayList<>();
        List<Engagement> engagements = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            CustomerId customer = CustomerId.of(new UUID(7, c).toString());
            boolean leaves = c % 3 == 0;
            Instant stop = leaves ? CUT_OFF : END;
            List<Purchase> purchases = new ArrayList<>();
            for (Instant at = CUT_OFF.minus(Duration.ofDays(200 + random.nextInt(14)));
                    at.isBefore(stop);
                    at = at.plus(Duration.ofDays(14))) {
                purchases.add(new Purchase(at, 20 + random.nextInt(30), false, List.of(), List.of()));
            }
            customers.add(new PurchaseHistory(customer, purchases));
            if (leaves) {
                engagements.add(new Engagement(customer.value(), complaint, Engagement.Kind.NEGATIVE_SUPPORT_CONTACT));
            }
        }
        return new TrainingSet(new TenantId(UUID.randomUUID()), customers, END, engagements);
    }
}
