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

    private final ProfileManagement profiles;
    private final Scorer scorer;
    private final ScoreStore scores;
    private final Thresholds thresholds;
    private final Announcer announcer;

    Rescorer(ProfileManagement profiles, Scorer scorer, ScoreStore scores, Thresholds thresholds, Announcer announcer) {
        this.profiles = profiles;
        this.scorer = scorer;
        this.scores = scores;
        this.thresholds = thresholds;
        this.announcer = announcer;
    }

    void rescore(TenantId tenant, Collection<CustomerId> customers) {
        for (CustomerProfile profile : profiles.profiles(tenant, customers)) {
            announcer.inTenant.run(tenant, () -> rescoreAlone(tenant, profile.customerId()));
        }
    }

    void forget(TenantId tenant, CustomerId customer) {
        announcer.inTenant.run(tenant, () -> scores.forget(customer));
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
        Scorer.Scored scored = scorer.score(tenant, profile, announcer.clock.instant());
        CustomerPredictions now = scored.predictions();
        List<PredictionChanged> changes = thresholds.crossed(tenant, now, scored.previous());
        ScoreStore.Stored stored = new ScoreStore.Stored(
                now.health().value(),
                now.churnRisk().value(),
                thresholds.replenishmentDue(now),
                scored.healthParts(),
                now.asOf());
        scores.save(tenant, profile.customerId(), stored, versions(now));
        changes.forEach(announcer::announce);
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

    /** Publishes a crossing and writes it to the decision log, inside the caller's transaction. */
    @Component
    static final class Announcer {

        private final ApplicationEventPublisher publisher;
        private final DecisionRecorder decisions;
        private final InTenant inTenant;
        private final Clock clock;

        Announcer(ApplicationEventPublisher publisher, DecisionRecorder decisions, InTenant inTenant, Clock clock) {
            this.publisher = publisher;
            this.decisions = decisions;
            this.inTenant = inTenant;
            this.clock = clock;
        }

        void announce(PredictionChanged change) {
            publisher.publishEvent(change);
            decisions.crossed(change);
        }
    }
}
