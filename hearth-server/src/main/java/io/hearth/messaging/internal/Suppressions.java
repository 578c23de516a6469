package io.hearth.messaging.internal;

import io.hearth.messaging.MessageChannel;
import io.hearth.messaging.Suppression;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The suppression list: addresses per channel that bounced hard or complained. */
@Repository
class Suppressions {

    private final JdbcClient jdbc;

    Suppressions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the address unless it is already suppressed; answers whether it was new. */
    boolean add(TenantId tenant, CustomerId customer, Suppression suppression) {
        return jdbc.sql("""
                insert into messaging_suppression (tenant_id, channel, address, customer_id, reason, detail,
                    message_id, created_at)
                values (:tenant, :channel, :address, :customer, :reason, :detail, :message, :now)
                on conflict do nothing
                """)
                        .param("tenant", tenant.value())
                        .param("channel", suppression.channel().key())
                        .param("address", normalized(suppression.channel(), suppression.address()))
                        .param("customer", customer.value())
                        .param("reason", suppression.reason().key())
                        .param("detail", suppression.detail())
                        .param("message", suppression.messageId())
                        .param("now", Timestamp.from(suppression.createdAt()))
                        .update()
                == 1;
    }

    /** Why the address is suppressed on the channel, or empty when it may be sent to. */
    Optional<Suppression.Reason> reason(TenantId tenant, MessageChannel channel, String address) {
        return jdbc.sql("""
                select reason from messaging_suppression
                where tenant_id = :tenant and channel = :channel and address = :address
                """)
                .param("tenant", tenant.value())
                .param("channel", channel.key())
                .param("address", normalized(channel, address))
                .query(String.class)
                .optional()
                .map(Suppression.Reason::of);
    }

    List<Suppression> ofCustomer(TenantId tenant, CustomerId customer) {
        return jdbc.sql("""
                select * from messaging_suppression where tenant_id = :tenant and customer_id = :customer
                order by created_at desc
                """)
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .query((rs, row) -> new Suppression(
                        MessageChannel.parse(rs.getString("channel")).orElseThrow(),
                        rs.getString("address"),
                        Suppression.Reason.of(rs.getString("reason")),
                        rs.getString("detail"),
                        rs.getObject("message_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Email addresses compare without case (mailbox providers ignore it); numbers and tokens exactly. */
    private static String normalized(MessageChannel channel, String address) {
        return channel == MessageChannel.EMAIL ? address.trim().toLowerCase(Locale.ROOT) : address.trim();
    }
}
