package io.hearth.predictions.internal;

import io.hearth.predictions.CustomerPredictions;
import io.hearth.predictions.PredictionChanged;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Recomputes customers' scores, stores them and announces threshold crossings. The stored score is
 * what the next run compares with, so running twice for the same data publishes nothing the second
 * time: redelivered events are harmless.
 */
@Component
class Rescorer {

    private static final int PAGE = 500;

    private final ProfileManagement profiles;
    private final Scorer scorer;
    private final ScoreStore scores;
    private final Thresholds thresholds;
    private final Collaborators with;

    Rescorer(ProfileManagement profiles, Scorer scorer, ScoreStore scores, Thresholds thresholds, Collaborators with) {
        this.profiles = profiles;
        this.scorer = scorer;
        this.scores = scores;
        this.thresholds = thresholds;
        this.with = with;
    }

    /** Each customer in its own transaction, so one slow customer never holds the others' locks. */
    void rescore(TenantId tenant, Collection<CustomerId> customers) {
        for (CustomerId customer : customers) {
            with.inTenant().run(tenant, () -> rescoreAlone(tenant, customer));
        }
    }

    /**
     * Every live customer of the tenant: scores move with time alone (risk grows while a customer stays
     * away), so the durable training job sweeps them after each run to catch those crossings.
     */
    long rescoreAll(TenantId tenant) {
        long count = 0;
        CustomerId after = null;
        for (List<CustomerId> page = profiles.customerIds(tenant, PAGE, after);
                !page.isEmpty();
                page = profiles.customerIds(tenant, PAGE, after)) {
            rescore(tenant, page);
            count += page.size();
            after = page.getLast();
        }
        return count;
    }

    void forget(TenantId tenant, CustomerId customer) {
        with.inTenant().run(tenant, () -> scores.forget(customer));
    }

    /**
     * Listeners run in parallel, so two batches of the same customer's events can be rescored at once:
     * a transaction-scoped lock per customer makes the second see the first one's stored score.
     */
    private void rescoreAlone(TenantId tenant, CustomerId customer) {
        scores.lock(tenant, customer);
        profiles.profile(tenant, customer)
                .filter(profile -> profile.customerId().equals(customer))
                .ifPresent(profile -> rescore(tenant, profile));
    }

    private void rescore(TenantId tenant, CustomerProfile profile) {
        Scorer.Scored scored =
                scorer.scoreForThresholds(tenant, profile, with.clock().instant());
        CustomerPredictions now = scored.predictions();
        List<PredictionChanged> changes = thresholds.crossed(tenant, now, scored.previous());
        ScoreStore.Stored stored = new ScoreStore.Stored(
                now.health().value(),
                now.churnRisk().value(),
                thresholds.replenishmentDue(now),
                now.earlyWarning().isPresent(),
                scored.healthParts(),
                now.asOf());
        scores.save(tenant, profile.customerId(), stored, versions(now));
        for (PredictionChanged change : changes) {
            with.publisher().publishEvent(change);
            with.decisions().crossed(change);
        }
    }

    private static String versions(CustomerPredictions now) {
        return Stream.of(
                        Optional.of(now.churnRisk()),
                        Optional.of(now.health()),
                        now.lifetimeValue(),
                        now.nextPurchase())
                .flatMap(Optional::stream)
                .map(p -> p.modelVersion())
                .distinct()
                .collect(Collectors.joining(","));
    }

    /** The shared infrastructure, kept together to keep the constructor short. */
    @Component
    record Collaborators(
            ApplicationEventPublisher publisher, DecisionRecorder decisions, InTenant inTenant, Clock clock) {}
}
