package io.hearth.support.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Order actions the assistant requested, one per order and kind; in the caller's transaction. */
@Repository
class ActionStore {

    private final JdbcClient jdbc;

    ActionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers false when this action was already requested for the order (asking twice changes nothing). */
    boolean request(
            TenantId tenant,
            UUID action,
            UUID conversation,
            CustomerId customer,
            String order,
            String kind,
            Instant at) {
        return jdbc.sql("""
                        insert into support_action (tenant_id, action_id, conversation_id, customer_id, order_id, kind, created_at)
                        values (:t, :a, :c, :customer, :o, :k, :at) on conflict (tenant_id, order_id, kind) do nothing
                        """)
                        .param("t", tenant.value())
                        .param("a", action)
                        .param("c", conversation)
                        .param("customer", customer.value())
                        .param("o", order)
                        .param("k", kind)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    Optional<Instant> requestedAt(TenantId tenant, String order, String kind) {
        return jdbc.sql("select created_at from support_action where tenant_id = :t and order_id = :o and kind = :k")
                .param("t", tenant.value())
                .param("o", order)
                .param("k", kind)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }
}
