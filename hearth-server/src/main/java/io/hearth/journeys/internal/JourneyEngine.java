package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyDefinition;
import io.hearth.journeys.JourneyStepExecuted;
import io.hearth.journeys.JourneyVersion;
import io.hearth.journeys.Step;
import io.hearth.privacy.CustomerConsents;
import io.hearth.privacy.Decision;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Advances a due run as far as it goes: steps execute one after another until the run sleeps or
 * ends. The run's row is locked ({@code for update skip locked}) for the whole advance, so two nodes
 * never work on one run; a node that dies releases the lock with its connection and the run is
 * picked up again at the step it was on, whose side effect is de-duplicated by (run, step).
 */
@Component
class JourneyEngine {

    private static final int MAX_STEPS_PER_ADVANCE = 100;

    private static final Logger logger = LoggerFactory.getLogger(JourneyEngine.class);

    private final RunStore runs;
    private final Definitions definitions;
    private final ProfileManagement profiles;
    private final PrivacyManagement privacy;
    private final StepExecutor executor;
    private final StepLog stepLog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JourneyEngine(
            RunStore runs,
            Definitions definitions,
            ProfileManagement profiles,
            PrivacyManagement privacy,
            StepExecutor executor,
            StepLog stepLog,
            TransactionTemplate transactions,
            Clock clock) {
        this.runs = runs;
        this.definitions = definitions;
        this.profiles = profiles;
        this.privacy = privacy;
        this.executor = executor;
        this.stepLog = stepLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    void advance(TenantId tenant, UUID runId) {
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(status -> runs.lockDue(tenant, runId, clock.instant())
                        .ifPresent(run -> {
                            RunState state = advance(tenant, run);
                            if (state != null) {
                                if (state.parked != null) {
                                    runs.save(tenant, state.parked);
                                }
                                stepLog.recordAll(state.steps);
                                privacy.recordDecisions(tenant, state.decisions);
                            }
                        })));
    }

    /**
     * Advances several due runs in one transaction: one locking read, one read of their profiles,
     * one append to the decision chain and one commit, where {@link #advance(TenantId, UUID)} pays
     * each per run. Each run works under a savepoint, so a run whose step fails is rolled back alone
     * and stays due for the timer job, as it would in a transaction of its own; side effects are
     * de-duplicated by (run, step) exactly as there (messages in messaging's own transactions). Runs
     * not due by {@code dueBy} or held by another node are left alone. For the runs a batch has just
     * started, which are due a little later than now so that the timer job leaves them to this.
     */
    void advanceAll(TenantId tenant, Collection<UUID> runIds, Instant dueBy) {
        if (runIds.isEmpty()) {
            return;
        }
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    List<RunStore.Run> due = runs.lockDueAll(tenant, runIds, dueBy);
                    List<CustomerId> customers =
                            due.stream().map(RunStore.Run::customer).distinct().toList();
                    Map<CustomerId, CustomerProfile> live = new HashMap<>();
                    profiles.profiles(tenant, customers).forEach(profile -> live.put(profile.customerId(), profile));
                    Map<CustomerId, CustomerConsents> consents = privacy.currentConsents(tenant, customers);
                    List<Decision> decisions = new ArrayList<>();
                    List<JourneyStepExecuted> steps = new ArrayList<>();
                    List<RunStore.Run> parked = new ArrayList<>();
                    for (RunStore.Run run : due) {
                        Object savepoint = status.createSavepoint();
                        try {
                            CustomerProfile known = live.get(run.customer());
                            // A merged customer is not among the live profiles: read it (and its
                            // consents, in the guardrails) as one run would.
                            RunState state = advance(
                                    tenant,
                                    run,
                                    known != null ? Optional.of(known) : profiles.profile(tenant, run.customer()),
                                    known != null ? consents.get(run.customer()) : null);
                            if (state != null) {
                                decisions.addAll(state.decisions);
                                steps.addAll(state.steps);
                                if (state.parked != null) {
                                    parked.add(state.parked);
                                }
                            }
                            status.releaseSavepoint(savepoint);
                        } catch (RuntimeException e) {
                            status.rollbackToSavepoint(savepoint);
                            logger.warn("advancing run {} failed; it stays due", run.runId(), e);
                        }
                    }
                    runs.saveAll(tenant, parked);
                    stepLog.recordAll(steps);
                    privacy.recordDecisions(tenant, decisions);
                }));
    }

    /** Executes the run's steps; answers its state for the decisions made, or null when the customer is gone. */
    private @Nullable RunState advance(TenantId tenant, RunStore.Run run) {
        return advance(tenant, run, profiles.profile(tenant, run.customer()), null);
    }

    private @Nullable RunState advance(
            TenantId tenant, RunStore.Run run, Optional<CustomerProfile> profile, @Nullable CustomerConsents consents) {
        JourneyVersion version =
                definitions.version(tenant, run.journey(), run.version()).orElseThrow();
        if (profile.isEmpty()) {
            runs.end(tenant, run.runId(), "exited", "customer-gone", clock.instant());
            return null;
        }
        RunState state = new RunState(tenant, run.runId(), version, profile.get(), run.context(), run.variant());
        state.consents = consents;
        String stepId = run.stepId();
        for (int executed = 0; executed < MAX_STEPS_PER_ADVANCE; executed++) {
            Step step = find(version.definition(), stepId);
            if (step == null) {
                finish(state, stepId, new Move.Finish("done", "completed"));
                return state;
            }
            Move move = executor.execute(state, step);
            switch (move) {
                case Move.Go go -> stepId = go.step() != null ? go.step() : following(version.definition(), step);
                case Move.Sleep sleep -> {
                    save(state, run, step.id(), sleep);
                    return state;
                }
                case Move.Finish finish -> {
                    finish(state, step.id(), finish);
                    return state;
                }
            }
        }
        // A loop of steps without a wait: let the run breathe instead of spinning on one node.
        save(state, run, stepId, new Move.Sleep(clock.instant().plus(Duration.ofMinutes(1)), null));
        return state;
    }

    /** Parks the run until it is due again; the caller writes it (a batch of runs in one statement). */
    private void save(RunState state, RunStore.Run run, @Nullable String stepId, Move.Sleep sleep) {
        state.parked = new RunStore.Run(
                run.runId(),
                run.journey(),
                run.version(),
                run.customer(),
                "active",
                stepId,
                sleep.until(),
                sleep.event(),
                state.variant,
                state.context);
    }

    private void finish(RunState state, @Nullable String stepId, Move.Finish finish) {
        runs.end(state.tenant, state.runId, finish.status(), finish.reason(), state.variant, clock.instant());
        executor.record(state, stepId == null ? "_end" : stepId, finish.status(), finish.reason());
    }

    static @Nullable Step find(JourneyDefinition definition, @Nullable String id) {
        if (id == null) {
            return null;
        }
        return definition.steps().stream()
                .filter(step -> step.id().equals(id))
                .findFirst()
                .orElse(null);
    }

    static @Nullable String following(JourneyDefinition definition, Step step) {
        List<Step> steps = definition.steps();
        int index = steps.indexOf(step);
        return index + 1 < steps.size() ? steps.get(index + 1).id() : null;
    }
}
