package io.hearth.journeys.internal;

import io.hearth.journeys.GlobalHoldout;
import io.hearth.journeys.JourneyStats;
import io.hearth.journeys.JourneyVersion;
import io.hearth.journeys.JourneysProblem;
import io.hearth.journeys.MigrationResult;
import io.hearth.journeys.Trigger;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** What the facade does, each call in its tenant. */
@Service
public class JourneyService {

    private final Definitions definitions;
    private final Entries entries;
    private final StepLog log;
    private final Conversions conversions;
    private final JourneySettings settings;
    private final Migrations migrations;

    JourneyService(
            Definitions definitions,
            Entries entries,
            StepLog log,
            Conversions conversions,
            Migrations migrations,
            JourneySettings settings) {
        this.settings = settings;
        this.definitions = definitions;
        this.entries = entries;
        this.log = log;
        this.conversions = conversions;
        this.migrations = migrations;
    }

    public MigrationResult migrateRuns(
            TenantId tenant, String key, @Nullable Integer fromVersion, Map<String, String> steps) {
        JourneyVersion target = definitions
                .latest(tenant, key)
                .orElseThrow(() -> new HearthProblem(JourneysProblem.UNKNOWN_JOURNEY, "No journey has this key"));
        return migrations.migrate(tenant, target, fromVersion, steps);
    }

    public JourneyVersion publish(TenantId tenant, String key, String source) {
        return definitions.publish(tenant, key, source);
    }

    public Optional<JourneyVersion> journey(TenantId tenant, String key) {
        return definitions.latest(tenant, key);
    }

    public List<JourneyVersion> journeys(TenantId tenant) {
        return definitions.latestOfEach(tenant);
    }

    public JourneyStats stats(TenantId tenant, String key) {
        List<JourneyStats.Count> counts = TenantContext.call(tenant, () -> log.counts(tenant, key)).stream()
                .map(count -> new JourneyStats.Count(count.step(), count.outcome(), count.reason(), count.count()))
                .toList();
        return new JourneyStats(key, counts, TenantContext.call(tenant, () -> conversions.compare(tenant, key)));
    }

    public GlobalHoldout globalHoldout(TenantId tenant) {
        // A journey transactional in any version sends what the holdout does not hold back.
        List<String> transactional = definitions.all(tenant).stream()
                .filter(version -> version.definition().transactional())
                .map(version -> version.definition().key())
                .distinct()
                .toList();
        return new GlobalHoldout(
                settings.globalHoldoutPercent(),
                TenantContext.call(tenant, () -> conversions.compareGlobal(tenant, transactional)));
    }

    public void predictionCrossed(
            TenantId tenant, CustomerId customer, String prediction, double score, String crossingId) {
        for (JourneyVersion journey : definitions.latestOfEach(tenant)) {
            if (journey.definition().trigger() instanceof Trigger.OnPrediction trigger
                    && trigger.prediction().equals(prediction)
                    && score >= trigger.threshold()) {
                entries.enter(
                        tenant,
                        journey,
                        customer,
                        "prediction:" + crossingId,
                        Map.of("prediction", prediction, "score", score));
            }
        }
    }
}
