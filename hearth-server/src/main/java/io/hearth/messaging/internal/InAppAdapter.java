package io.hearth.messaging.internal;

import io.hearth.messaging.MessageChannel;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The in-app channel: the message lands in the customer's inbox, which the shop's app reads by API. */
@Component
class InAppAdapter implements ChannelAdapter {

    private final JdbcClient jdbc;
    private final Clock clock;

    InAppAdapter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.IN_APP;
    }

    @Override
    public DeliveryResult deliver(OutgoingMessage message) {
        jdbc.sql("""
                insert into messaging_inbox (tenant_id, message_id, customer_id, title, body, created_at)
                values (:tenant, :message, :customer, :title, :body, :now) on conflict do nothing
                """)
                .param("tenant", message.tenant().value())
                .param("message", message.messageId())
                .param("customer", message.customer().value())
                .param("title", message.subject())
                .param("body", message.text())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return new DeliveryResult.Accepted(message.messageId().toString());
    }
}
