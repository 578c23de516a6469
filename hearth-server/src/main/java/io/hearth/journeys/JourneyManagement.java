package io.hearth.journeys;

import io.hearth.journeys.internal.JourneyService;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The journeys facade. Runs start from the events other modules publish (orders, segments, tracked
 * events); this is for defining journeys, reading their figures, and the prediction trigger port.
 */
@Service
public class JourneyManagement {

    private final JourneyService service;

    JourneyManagement(JourneyService service) {
        this.service = service;
    }

    /**
     * Checks a definition (JSON or YAML) and publishes it as the journey's next immutable version;
     * new runs use it, runs in flight finish on theirs.
     *
     * @throws io.hearth.shared.HearthProblem {@link JourneysProblem#INVALID_JOURNEY} with one error per
     *     field, located by JSON pointer (e.g. {@code /steps/2/condition})
     */
    public JourneyVersion publish(TenantId tenant, String key, String source) {
        return service.publish(tenant, key, source);
    }

    public Optional<JourneyVersion> journey(TenantId tenant, String key) {
        return service.journey(tenant, key);
    }

    /** The newest version of each journey of the tenant. */
    public List<JourneyVersion> journeys(TenantId tenant) {
        return service.journeys(tenant);
    }

    /**
     * Moves the journey's runs in flight to its newest version: those on a step the new version has
     * (by the same id, or by the id {@code steps} maps the old one to). The others finish on theirs.
     *
     * @param fromVersion only runs of this version; null for every earlier one
     * @throws io.hearth.shared.HearthProblem {@link JourneysProblem#UNKNOWN_JOURNEY}, or
     *     {@link JourneysProblem#INVALID_MIGRATION} naming a bad version or a mapping to no step
     */
    public MigrationResult migrateRuns(
            TenantId tenant, String key, @Nullable Integer fromVersion, Map<String, String> steps) {
        return service.migrateRuns(tenant, key, fromVersion, steps);
    }

    public JourneyStats stats(TenantId tenant, String key) {
        return service.stats(tenant, key);
    }

    /**
     * The global holdout against everyone else, per customer, over every journey that is not
     * transactional: whether the journeys together make customers convert more than doing nothing.
     */
    public GlobalHoldout globalHoldout(TenantId tenant) {
        return service.globalHoldout(tenant);
    }

    /**
     * The prediction trigger port: predictions calls this when a customer's score crosses upward;
     * journeys with a matching {@link Trigger.OnPrediction} whose threshold the score reaches start a
     * run. Idempotent per {@code crossingId}.
     */
    public void predictionCrossed(
            TenantId tenant, CustomerId customer, String prediction, double score, String crossingId) {
        service.predictionCrossed(tenant, customer, prediction, score, crossingId);
    }
}
