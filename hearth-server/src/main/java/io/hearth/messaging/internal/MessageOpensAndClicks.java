package io.hearth.messaging.internal;

import io.hearth.messaging.MessageEngaged;
import io.hearth.predictions.CustomerEngagement;
import io.hearth.predictions.EngagementSource;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Tracked opens and clicks of the customers' messages, as churn inputs. */
@Component
class MessageOpensAndClicks implements EngagementSource {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    MessageOpensAndClicks(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public List<CustomerEngagement> engagements(TenantId tenant, Collection<CustomerId> customers, Instant before) {
        if (customers.isEmpty()) {
            return List.of();
        }
        return TenantContext.call(tenant, () -> transactions.execute(status -> read(tenant, customers, before)));
    }

    private List<CustomerEngagement> read(TenantId tenant, Collection<CustomerId> customers, Instant before) {
        return jdbc.sql("""
                select m.customer_id, e.kind, e.occurred_at
                from messaging_message m
                join messaging_engagement e on e.tenant_id = m.tenant_id and e.message_id = m.message_id
                where m.tenant_id = :t and m.customer_id in (:customers)
                  and e.kind in (:opened, :clicked) and e.occurred_at < :before
                """)
                .param("t", tenant.value())
                .param("customers", customers.stream().map(CustomerId::value).toList())
                .param("opened", MessageEngaged.Kind.OPENED.key())
                .param("clicked", MessageEngaged.Kind.CLICKED.key())
                .param("before", Timestamp.from(before))
                .query((rs, row) -> new CustomerEngagement(
                        CustomerId.of(rs.getString("customer_id")),
                        rs.getTimestamp("occurred_at").toInstant(),
                        MessageEngaged.Kind.CLICKED.key().equals(rs.getString("kind"))
                                ? CustomerEngagement.Kind.MESSAGE_CLICKED
                                : CustomerEngagement.Kind.MESSAGE_OPENED))
                .list();
    }
}
