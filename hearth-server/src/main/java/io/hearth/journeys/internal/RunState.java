package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyStepExecuted;
import io.hearth.journeys.JourneyVersion;
import io.hearth.privacy.CustomerConsents;
import io.hearth.privacy.Decision;
import io.hearth.profiles.CustomerProfile;
import io.hearth.shared.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A run while the engine works on it: its journey version, customer, variant and context. */
final class RunState {

    final TenantId tenant;
    final UUID runId;
    final JourneyVersion journey;
    final CustomerProfile profile;
    final Map<String, Object> context;

    /**
     * Decisions made during this advance. The engine appends them to the decision log in one go at
     * the end of the advance: the log's hash chain is locked from the append until commit, so an
     * append early in a long advance would hold every other run's send behind this one.
     */
    final List<Decision> decisions = new ArrayList<>();

    /**
     * Steps executed during this advance, written to the step log by the engine in one insert at the
     * end, with the decisions (a batch of runs writes all of its runs' steps in one).
     */
    final List<JourneyStepExecuted> steps = new ArrayList<>();

    /**
     * The customer's consents when the engine read them for a whole batch of runs beforehand; null
     * means the guardrails read them themselves.
     */
    @Nullable
    CustomerConsents consents;

    @Nullable
    String variant;

    /**
     * The run as it is to be stored when this advance parks it on a wait (null when it ended or
     * failed); the engine writes it, for a batch of runs in one statement.
     */
    RunStore.@Nullable Run parked;

    RunState(
            TenantId tenant,
            UUID runId,
            JourneyVersion journey,
            CustomerProfile profile,
            Map<String, Object> context,
            @Nullable String variant) {
        this.tenant = tenant;
        this.runId = runId;
        this.journey = journey;
        this.profile = profile;
        this.context = new LinkedHashMap<>(context);
        this.variant = variant;
    }

    String key() {
        return journey.definition().key();
    }

    /** The idempotency key of a step's side effect: one per (run, step). */
    String effectKey(String step) {
        return runId + ":" + step;
    }
}
