package io.hearth.support.internal;

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

/**
 * Support conversations as churn inputs: one contact per conversation, negative when a customer
 * message in it (written before the cut-off) scored at or below the shop's negative-sentiment line.
 */
@Component
class SupportContacts implements EngagementSource {

    private final JdbcClient jdbc;
    private final PolicyStore policies;
    private final TransactionTemplate transactions;

    SupportContacts(JdbcClient jdbc, PolicyStore policies, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.policies = policies;
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
        double negative = policies.policy(tenant).negativeSentiment();
        return jdbc.sql("""
                select c.customer_id, c.created_at,
                       coalesce(bool_or(m.sentiment <= :negative), false) as negative
                from support_conversation c
                left join support_message m
                  on m.tenant_id = c.tenant_id and m.conversation_id = c.conversation_id
                 and m.author = 'CUSTOMER' and m.created_at < :before
                where c.tenant_id = :t and c.customer_id in (:customers) and c.created_at < :before
                group by c.customer_id, c.conversation_id, c.created_at
                """)
                .param("t", tenant.value())
                .param("customers", customers.stream().map(CustomerId::value).toList())
                .param("before", Timestamp.from(before))
                .param("negative", negative)
                .query((rs, row) -> new CustomerEngagement(
                        CustomerId.of(rs.getString("customer_id")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getBoolean("negative")
                                ? CustomerEngagement.Kind.NEGATIVE_SUPPORT_CONTACT
                                : CustomerEngagement.Kind.SUPPORT_CONTACT))
                .list();
    }
}
