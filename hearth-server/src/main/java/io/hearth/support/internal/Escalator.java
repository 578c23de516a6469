package io.hearth.support.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.hearth.predictions.CustomerPredictions;
import io.hearth.predictions.PredictionManagement;
import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.CustomerProfile;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import io.hearth.support.EscalationReason;
import io.hearth.support.PriorityFactor;
import io.hearth.support.SupportEscalated;
import io.hearth.support.SupportPolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Hands a conversation to the agents: priority with its why, the queue, the SLA clock, the event. */
@Component
class Escalator {

    static final String HANDOVER = "I am passing your conversation to a colleague, who will reply here shortly.";

    private final ConversationStore store;
    private final PriorityScore score;
    private final DecisionWriter decisions;
    private final SchedulerClient scheduler;
    private final OneTimeTask<SlaTimer.Check> slaTask;
    private final ApplicationEventPublisher events;
    private final PredictionManagement predictions;
    private final JsonMapper json;
    private final Clock clock;

    Escalator(
            ConversationStore store,
            PriorityScore score,
            DecisionWriter decisions,
            SchedulerClient scheduler,
            OneTimeTask<SlaTimer.Check> slaTask,
            ApplicationEventPublisher events,
            PredictionManagement predictions,
            JsonMapper json,
            Clock clock) {
        this.predictions = predictions;
        this.store = store;
        this.score = score;
        this.decisions = decisions;
        this.scheduler = scheduler;
        this.slaTask = slaTask;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Written to the decision log as {@code prediction.served}, since they decide the ticket's place. */
    private @Nullable CustomerPredictions predictionsFor(TenantId tenant, ConversationRow row) {
        if (row.customerId() == null) {
            return null;
        }
        try {
            return predictions.forAction(tenant, row.customerId(), "support:route/" + row.conversationId());
        } catch (HearthProblem unknownCustomer) {
            return null;
        }
    }

    /** Runs in the conversation's transaction, with the row locked. */
    void escalate(
            TenantId tenant,
            ConversationRow row,
            @Nullable CustomerProfile profile,
            List<CustomerOrder> orders,
            double sentiment,
            EscalationReason reason,
            SupportPolicy policy) {
        List<PriorityFactor> why =
                score.factors(profile, predictionsFor(tenant, row), orders, sentiment, reason, policy);
        double priority = PriorityScore.total(why);
        SupportPolicy.Queue queue = policy.queueFor(priority);
        Instant now = clock.instant();
        store.set(
                tenant,
                row.conversationId(),
                "state = 'ESCALATED', queue = :queue, escalation_reason = :reason, priority = :priority,"
                        + " priority_why = cast(:why as jsonb), priority_override = null, escalated_at = :now,"
                        + " agent_response_at = null, sla_breached_at = null",
                "queue",
                queue.name(),
                "reason",
                reason.name(),
                "priority",
                priority,
                "why",
                json.writeValueAsString(why),
                "now",
                Timestamp.from(now));
        SlaTimer.start(scheduler, slaTask, tenant, row.conversationId(), queue.name(), queue.firstResponse(), now);
        events.publishEvent(
                new SupportEscalated(tenant, row.conversationId(), row.customerId(), reason, queue.name(), priority));
        decisions.write(
                tenant,
                row.customerId(),
                "support.routed",
                Map.of("conversationId", row.conversationId().toString(), "priority", priority, "queue", queue.name()),
                "support-priority@1",
                queue.name(),
                "escalated for " + reason.name().toLowerCase(java.util.Locale.ROOT) + ", priority " + priority);
    }
}
