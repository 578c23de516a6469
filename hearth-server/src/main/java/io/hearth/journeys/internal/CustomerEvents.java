package io.hearth.journeys.internal;

import static org.springframework.util.StringUtils.hasText;

import io.hearth.ingestion.StoredEvent;
import io.hearth.journeys.JourneyStepExecuted;
import io.hearth.journeys.JourneyVersion;
import io.hearth.journeys.Trigger;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What one tracked event means for journeys: it ends runs it is an exit condition of, wakes runs
 * waiting for it, and starts runs of journeys it triggers (when their CEL filter holds). Exits come
 * first, so an event never ends the run it has just started.
 */
@Component
class CustomerEvents {

    private static final int PROFILE_ATTEMPTS = 300;

    private final ProfileManagement profiles;
    private final ListenedEvents listenedEvents;
    private final RunStore runs;
    private final Definitions definitions;
    private final Entries entries;
    private final JourneyEngine engine;
    private final JourneyExpressions expressions;
    private final StepLog log;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CustomerEvents(
            ProfileManagement profiles,
            ListenedEvents listenedEvents,
            RunStore runs,
            Definitions definitions,
            Entries entries,
            JourneyEngine engine,
            JourneyExpressions expressions,
            StepLog log,
            TransactionTemplate transactions,
            Clock clock) {
        this.profiles = profiles;
        this.listenedEvents = listenedEvents;
        this.runs = runs;
        this.definitions = definitions;
        this.entries = entries;
        this.engine = engine;
        this.expressions = expressions;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One tracked event (a {@code track} with a user id), as {@link #handleAll} does for a batch. */
    void handle(TenantId tenant, List<JourneyVersion> journeys, StoredEvent event) {
        handleAll(tenant, journeys, List.of(event));
    }

    /**
     * Every tracked event of an ingested batch, in order. Events no journey listens for are passed
     * over before any profile lookup; the profiles of the rest are looked up once per user and
     * awaited together, so a batch waits for profile building at most once, not once per event.
     */
    void handleAll(TenantId tenant, List<JourneyVersion> journeys, List<StoredEvent> events) {
        Set<String> listened = listenedEvents.of(tenant, journeys);
        List<StoredEvent> relevant = events.stream()
                .filter(event -> "track".equals(event.type()) && event.userId() != null)
                .filter(event -> event.event() != null && listened.contains(event.event()))
                .toList();
        if (relevant.isEmpty()) {
            return;
        }
        Map<String, CustomerId> customers = customers(
                tenant,
                relevant.stream().map(StoredEvent::userId).collect(Collectors.toCollection(LinkedHashSet::new)));
        for (StoredEvent event : relevant) {
            handle(tenant, journeys, event, customers.get(event.userId()));
        }
    }

    private void handle(TenantId tenant, List<JourneyVersion> journeys, StoredEvent event, CustomerId customer) {
        String name = event.event();
        for (RunStore.Run run : TenantContext.call(tenant, () -> runs.activeOf(tenant, customer))) {
            JourneyVersion version =
                    definitions.version(tenant, run.journey(), run.version()).orElseThrow();
            if (version.definition().exitWhen().contains(name)) {
                exit(tenant, version, run, name);
            } else if (name.equals(run.waitEvent())) {
                TenantContext.run(tenant, () -> runs.wake(tenant, run.runId(), name, clock.instant()));
                engine.advance(tenant, run.runId());
            }
        }
        Map<String, Object> properties = properties(event);
        for (JourneyVersion journey : journeys) {
            if (journey.definition().trigger() instanceof Trigger.OnEvent trigger
                    && trigger.event().equals(name)
                    && (!hasText(trigger.filter())
                            || expressions.holds(
                                    trigger.filter(),
                                    Map.of("event", Map.of("name", name, "properties", properties))))) {
                entries.enter(
                        tenant,
                        journey,
                        customer,
                        "event:" + event.messageId(),
                        Map.of("event", name, "properties", properties));
            }
        }
    }

    private void exit(TenantId tenant, JourneyVersion version, RunStore.Run run, String event) {
        Instant now = clock.instant();
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    runs.end(tenant, run.runId(), "exited", "event:" + event, now);
                    log.record(new JourneyStepExecuted(
                            tenant,
                            run.journey(),
                            run.version(),
                            run.runId(),
                            run.customer(),
                            run.stepId() == null ? "_end" : run.stepId(),
                            run.variant(),
                            "exited",
                            "event:" + event,
                            now));
                }));
    }

    /**
     * The customers of the users. Profiles resolves the same events on its own thread, so a
     * first-time user may not have a profile yet: the missing ones are asked again for up to 30
     * seconds (a restart replaying many events can take that long). Still missing: the listener
     * fails, so the batch stays incomplete in the publication registry and is delivered again
     * rather than dropped (every reaction is idempotent).
     */
    private Map<String, CustomerId> customers(TenantId tenant, Set<String> userIds) {
        Map<String, CustomerId> found = new HashMap<>();
        for (int attempt = 0; attempt < PROFILE_ATTEMPTS; attempt++) {
            for (String userId : userIds) {
                if (!found.containsKey(userId)) {
                    profiles.lookup(tenant, IdentifierKind.USER_ID, userId)
                            .ifPresent(profile -> found.put(userId, profile.customerId()));
                }
            }
            if (found.size() == userIds.size()) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for profiles of tenant " + tenant, e);
            }
        }
        throw new IllegalStateException("no profile yet for " + (userIds.size() - found.size())
                + " user(s) of an event batch of tenant " + tenant + "; it will be delivered again");
    }

    private Map<String, Object> properties(StoredEvent event) {
        JsonNode payload = event.payloadTree();
        return JsonValues.object(payload.get("properties"));
    }
}
