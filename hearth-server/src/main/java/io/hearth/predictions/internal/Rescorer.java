package io.hearth.predictions.internal;

import io.hearth.predictions.CustomerPredictions;
import io.hearth.predictions.PredictionChanged;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger LOG = LoggerFactory.getLogger(Rescorer.class);

    private final ProfileManagement profiles;
    private final Scorer scorer;
    private final ScoreStore scores;
    private final Thresholds thresholds;
    private final HistoryReader histories;
    private final Collaborators with;

    Rescorer(
            ProfileManagement profiles,
            HistoryReader histories,
            Scorer scorer,
            ScoreStore scores,
            Thresholds thresholds,
            Collaborators with) {
        this.profiles = profiles;
        this.histories = histories;
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
     * A batch of changed customers in one transaction with a fixed number of reads and one write,
     * whatever its size. Should the batch fail (a customer whose data the scorer chokes on), each is
     * rescored alone, so one bad profile costs only its own score.
     */
    void rescoreTogether(TenantId tenant, List<CustomerId> customers) {
        try {
            with.inTenant().run(tenant, () -> rescoreBatch(tenant, customers));
        } catch (RuntimeException e) {
            LOG.warn("Rescoring {} customers together failed, one by one instead: {}", customers.size(), e.toString());
            rescore(tenant, customers);
        }
    }

    private void rescoreBatch(TenantId tenant, List<CustomerId> customers) {
        scores.lockAll(tenant, customers);
        Set<CustomerId> asked = new HashSet<>(customers);
        Map<CustomerId, CustomerProfile> current = new LinkedHashMap<>();
        for (CustomerProfile profile : profiles.profiles(tenant, customers)) {
            if (asked.contains(profile.customerId())) {
                current.putIfAbsent(profile.customerId(), profile);
            }
        }
        if (current.isEmpty()) {
            return;
        }
        Map<CustomerId, CustomerFeatures> features = histories.thresholdFeatures(
                tenant, List.copyOf(current.values()), with.clock().instant());
        Map<CustomerId, ScoreStore.Stored> previous = scores.previousOf(current.keySet());
        List<ScoreStore.Scoring> scorings = new ArrayList<>();
        List<PredictionChanged> changes = new ArrayList<>();
        for (CustomerProfile profile : current.values()) {
            CustomerId customer = profile.customerId();
            Scorer.Scored scored = scorer.scoreForThresholds(
                    tenant, profile, features.get(customer), Optional.ofNullable(previous.get(customer)));
            changes.addAll(thresholds.crossed(tenant, scored.predictions(), scored.previous()));
            scorings.add(new ScoreStore.Scoring(customer, stored(scored), versions(scored.predictions())));
        }
        scores.saveAll(tenant, scorings);
        announce(changes);
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
        scores.save(tenant, profile.customerId(), stored(scored), versions(now));
        announce(changes);
    }

    private ScoreStore.Stored stored(Scorer.Scored scored) {
        CustomerPredictions now = scored.predictions();
        return new ScoreStore.Stored(
                now.health().value(),
                now.churnRisk().value(),
                thresholds.replenishmentDue(now),
                now.earlyWarning().isPresent(),
                scored.healthParts(),
                now.asOf());
    }

    private void announce(List<PredictionChanged> changes) {
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
