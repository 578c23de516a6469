package io.hearth.journeys.internal;

import io.hearth.messaging.MessageEngaged;
import io.hearth.messaging.SentMessage;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The customers' responses to journey messages: each message journeys sent, marked engaged when it
 * is opened or clicked. The next-best-action agent learns its response rates and notices ignored
 * messages from these rows.
 */
@Component
class Responses {

    private final JdbcClient jdbc;

    Responses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sent and engaged counts of one action (template on a channel): the customer's and everyone's. */
    record Counts(long customerSent, long customerEngaged, long allSent, long allEngaged) {
        static final Counts NONE = new Counts(0, 0, 0, 0);
    }

    void sent(TenantId tenant, CustomerId customer, String journey, SentMessage message, Instant at) {
        jdbc.sql("""
                insert into journeys_response (tenant_id, message_id, customer_id, journey_key, template, channel, sent_at)
                values (:tenant, :message, :customer, :journey, :template, :channel, :at)
                on conflict (tenant_id, message_id) do update
                    set template = excluded.template, channel = excluded.channel, sent_at = excluded.sent_at
                    where journeys_response.sent_at is null
                """)
                .param("tenant", tenant.value())
                .param("message", message.messageId())
                .param("customer", customer.value())
                .param("journey", journey)
                .param("template", message.templateKey())
                .param("channel", message.channel().key())
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Marks the message engaged. The open may be reported before the step that sent it commits its
     * row (clients that fetch images on delivery do so within milliseconds), so it writes the row when
     * there is none yet; the step's insert then waits on it and only fills in the action.
     */
    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(MessageEngaged engaged) {
        boolean response =
                engaged.kind() == MessageEngaged.Kind.OPENED || engaged.kind() == MessageEngaged.Kind.CLICKED;
        if (!response || engaged.attribution().journey() == null) {
            return;
        }
        TenantContext.run(
                engaged.tenantId(),
                () -> jdbc.sql("""
                        insert into journeys_response (tenant_id, message_id, customer_id, journey_key, engaged_at)
                        values (:tenant, :message, :customer, :journey, :at)
                        on conflict (tenant_id, message_id) do update set engaged_at = excluded.engaged_at
                            where journeys_response.engaged_at is null
                        """)
                        .param("tenant", engaged.tenantId().value())
                        .param("message", engaged.messageId())
                        .param("customer", engaged.customerId().value())
                        .param("journey", engaged.attribution().journey())
                        .param("at", Timestamp.from(engaged.at()))
                        .update());
    }

    /** Counts per "template/channel" of the given templates, in one query. */
    Map<String, Counts> counts(TenantId tenant, CustomerId customer, List<String> templates) {
        Map<String, Counts> counts = new HashMap<>();
        jdbc.sql("""
                select template, channel,
                    count(*) filter (where customer_id = :customer) as own_sent,
                    count(engaged_at) filter (where customer_id = :customer) as own_engaged,
                    count(*) as all_sent, count(engaged_at) as all_engaged
                from journeys_response
                where tenant_id = :tenant and template = any(:templates) and sent_at is not null
                group by template, channel
                """)
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("templates", templates.toArray(String[]::new))
                .query((rs, row) -> counts.put(
                        rs.getString("template") + "/" + rs.getString("channel"),
                        new Counts(
                                rs.getLong("own_sent"),
                                rs.getLong("own_engaged"),
                                rs.getLong("all_sent"),
                                rs.getLong("all_engaged"))))
                .list();
        return counts;
    }

    /** Whether each of the customer's newest messages sent before {@code before} was engaged with, newest first. */
    List<Boolean> engagedNewestFirst(TenantId tenant, CustomerId customer, Instant before, int limit) {
        return jdbc.sql("""
                select engaged_at is not null from journeys_response
                where tenant_id = :tenant and customer_id = :customer and sent_at < :before
                order by sent_at desc limit :limit
                """)
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(Boolean.class)
                .list();
    }
}
