package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyDefinition;
import io.hearth.journeys.JourneyVersion;
import io.hearth.journeys.Step;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
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

    /**
     * An advance holds one pooled connection for the run's lock and takes a second for each send it
     * commits on its own; bounding how many run at once keeps listeners on unbounded virtual threads
     * from taking the whole pool and waiting on each other.
     */
    private static final int MAX_PARALLEL_ADVANCES = 4;

    private final Semaphore parallel = new Semaphore(MAX_PARALLEL_ADVANCES);

    private final RunStore runs;
    private final Definitions definitions;
    private final ProfileManagement profiles;
    private final StepExecutor executor;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JourneyEngine(
            RunStore runs,
            Definitions definitions,
            ProfileManagement profiles,
            StepExecutor executor,
            TransactionTemplate transactions,
            Clock clock) {
        this.runs = runs;
        this.definitions = definitions;
        this.profiles = profiles;
        this.executor = executor;
        this.transactions = transactions;
        this.clock = clock;
    }

    void advance(TenantId tenant, UUID runId) {
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(
                        status -> runs.lockDue(tenant, runId, clock.instant()).ifPresent(run -> advance(tenant, run))));
    }

    private void advance(TenantId tenant, RunStore.Run run) {
        JourneyVersion version =
                definitions.version(tenant, run.journey(), run.version()).orElseThrow();
        Optional<CustomerProfile> profile = profiles.profile(tenant, run.customer());
        if (profile.isEmpty()) {
            runs.end(tenant, run.runId(), "exited", "customer-gone", clock.instant());
            return;
        }
        RunState state = new RunState(tenant, run.runId(), version, profile.get(), run.context(), run.variant());
        String stepId = run.stepId();
        for (int executed = 0; executed < MAX_STEPS_PER_ADVANCE; executed++) {
            Step step = find(version.definition(), stepId);
            if (step == null) {
                finish(state, stepId, new Move.Finish("done", "completed"));
                return;
            }
            Move move = executor.execute(state, step);
            switch (move) {
                case Move.Go go -> stepId = go.step() != null ? go.step() : following(version.definition(), step);
                case Move.Sleep sleep -> {
                    save(state, run, step.id(), sleep);
                    return;
                }
                case Move.Finish finish -> {
                    finish(state, step.id(), finish);
                    return;
                }
            }
        }
        // A loop of steps without a wait: let the run breathe instead of spinning on one node.
        save(state, run, stepId, new Move.Sleep(clock.instant().plus(Duration.ofMinutes(1)), null));
    }

    private void save(RunState state, RunStore.Run run, @Nullable String stepId, Move.Sleep sleep) {
        runs.save(
                state.tenant,
                new RunStore.Run(
                        run.runId(),
                        run.journey(),
                        run.version(),
                        run.customer(),
                        "active",
                        stepId,
                        sleep.until(),
                        sleep.event(),
                        state.variant,
                        state.context));
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
