package io.hearth.messaging.internal;

import io.hearth.messaging.InboxItem;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and marks the in-app inbox. */
@Repository
class InboxStore {

    private final JdbcClient jdbc;

    InboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<InboxItem> of(TenantId tenant, CustomerId customer, int limit) {
        return jdbc.sql("""
                select message_id, title, body, created_at, read_at from messaging_inbox
                where tenant_id = :tenant and customer_id = :customer order by created_at desc limit :limit
                """)
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("limit", limit)
                .query((rs, row) -> {
                    Timestamp read = rs.getTimestamp("read_at");
                    return new InboxItem(
                            rs.getObject("message_id", UUID.class),
                            rs.getString("title"),
                            rs.getString("body"),
                            rs.getTimestamp("created_at").toInstant(),
                            read == null ? null : read.toInstant());
                })
                .list();
    }

    boolean markRead(TenantId tenant, CustomerId customer, UUID message, Instant now) {
        return jdbc.sql("""
                update messaging_inbox set read_at = coalesce(read_at, :now)
                where tenant_id = :tenant and customer_id = :customer and message_id = :message
                """)
                        .param("tenant", tenant.value())
                        .param("customer", customer.value())
                        .param("message", message)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }
}
