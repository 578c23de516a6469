package io.hearth.support.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.hearth.support.SupportSlaBreached;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first-response clock of an escalated conversation: a durable one-time task due at the queue's
 * target. When it runs and no agent has replied (and the conversation is still with the agents), the
 * breach is stored once and {@link SupportSlaBreached} published.
 */
@Configuration(proxyBeanMethods = false)
class SlaTimer {

    static final String TASK = "support-sla";

    /** Task data: tenant, queue and target, so the check needs nothing else. */
    record Check(String tenant, String queue, long targetSeconds) implements java.io.Serializable {}

    @Bean
    OneTimeTask<Check> supportSlaTask(
            JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        return Tasks.oneTime(TASK, Check.class).execute((instance, context) -> {
            Check check = instance.getData();
            TenantId tenant = new TenantId(UUID.fromString(check.tenant()));
            UUID conversation = UUID.fromString(instance.getId());
            Instant now = clock.instant();
            TenantContext.run(
                    tenant,
                    () -> transactions.executeWithoutResult(status -> {
                        int breached = jdbc.sql("""
                                update support_conversation set sla_breached_at = :now
                                where tenant_id = :t and conversation_id = :c and state = 'ESCALATED'
                                  and agent_response_at is null and sla_breached_at is null
                                """)
                                .param("now", Timestamp.from(now))
                                .param("t", tenant.value())
                                .param("c", conversation)
                                .update();
                        if (breached == 1) {
                            events.publishEvent(new SupportSlaBreached(
                                    tenant,
                                    conversation,
                                    check.queue(),
                                    Duration.ofSeconds(check.targetSeconds()),
                                    now));
                        }
                    }));
        });
    }

    static void start(
            SchedulerClient scheduler,
            OneTimeTask<Check> task,
            TenantId tenant,
            UUID conversation,
            String queue,
            Duration target,
            Instant from) {
        // A conversation escalated again after a hand-back gets a fresh clock: replace any old one.
        scheduler.schedule(
                task.instance(conversation.toString(), new Check(tenant.value().toString(), queue, target.toSeconds())),
                from.plus(target),
                SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
    }
}
