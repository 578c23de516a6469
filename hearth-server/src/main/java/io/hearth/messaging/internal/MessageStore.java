package io.hearth.messaging.internal;

import io.hearth.messaging.Attribution;
import io.hearth.messaging.MessageChannel;
import io.hearth.messaging.MessageStatus;
import io.hearth.messaging.SendHistory;
import io.hearth.messaging.SentMessage;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Messages and their delivery state. The state moves only forward through guarded updates, which is
 * what keeps a message from being handed to its channel twice.
 */
@Repository
class MessageStore {

    private final JdbcClient jdbc;

    MessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new message, as the dispatcher accepted it. */
    record NewMessage(
            UUID messageId,
            String idempotencyKey,
            CustomerId customer,
            MessageChannel channel,
            String purpose,
            String templateKey,
            @Nullable Integer templateVersion,
            String contentKey,
            Attribution attribution,
            @Nullable String recipient,
            @Nullable String subject,
            @Nullable String html,
            @Nullable String text,
            MessageStatus status,
            @Nullable String reason) {}

    /** A stored message with what a delivery attempt needs. */
    record Stored(
            SentMessage message,
            CustomerId customer,
            String purpose,
            @Nullable String recipient,
            @Nullable String subject,
            @Nullable String html,
            @Nullable String text) {}

    /** Inserts unless the idempotency key is taken; answers whether it was new. */
    boolean insert(TenantId tenant, NewMessage message, Instant now) {
        return jdbc.sql("""
                insert into messaging_message (tenant_id, message_id, idempotency_key, customer_id, channel, purpose,
                    template_key, template_version, content_key, journey, step, variant, recipient, subject,
                    html_body, text_body, status, reason, created_at)
                values (:tenant, :id, :key, :customer, :channel, :purpose, :template, :version, :content, :journey,
                    :step, :variant, :recipient, :subject, :html, :text, :status, :reason, :now)
                on conflict (tenant_id, idempotency_key) do nothing
                """)
                        .param("tenant", tenant.value())
                        .param("id", message.messageId())
                        .param("key", message.idempotencyKey())
                        .param("customer", message.customer().value())
                        .param("channel", message.channel().key())
                        .param("purpose", message.purpose())
                        .param("template", message.templateKey())
                        .param("version", message.templateVersion())
                        .param("content", message.contentKey())
                        .param("journey", message.attribution().journey())
                        .param("step", message.attribution().step())
                        .param("variant", message.attribution().variant())
                        .param("recipient", message.recipient())
                        .param("subject", message.subject())
                        .param("html", message.html())
                        .param("text", message.text())
                        .param("status", message.status().key())
                        .param("reason", message.reason())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<Stored> byKey(TenantId tenant, String idempotencyKey) {
        return jdbc.sql("select * from messaging_message where tenant_id = :tenant and idempotency_key = :key")
                .param("tenant", tenant.value())
                .param("key", idempotencyKey)
                .query((rs, row) -> stored(rs))
                .optional();
    }

    Optional<Stored> byId(TenantId tenant, UUID message) {
        return jdbc.sql("select * from messaging_message where tenant_id = :tenant and message_id = :id")
                .param("tenant", tenant.value())
                .param("id", message)
                .query((rs, row) -> stored(rs))
                .optional();
    }

    /** Takes the message for one attempt; false when it is not waiting for one (someone else took it). */
    boolean claim(TenantId tenant, UUID message) {
        return jdbc.sql("""
                update messaging_message set status = 'sending', attempts = attempts + 1
                where tenant_id = :tenant and message_id = :id and status in ('queued', 'retrying')
                """)
                        .param("tenant", tenant.value())
                        .param("id", message)
                        .update()
                == 1;
    }

    /** Records the outcome of the attempt in flight. */
    void settle(
            TenantId tenant,
            UUID message,
            MessageStatus status,
            @Nullable String reason,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant sentAt) {
        jdbc.sql("""
                update messaging_message set status = :status, reason = :reason, next_attempt_at = :next, sent_at = :sent
                where tenant_id = :tenant and message_id = :id and status = 'sending'
                """)
                .param("tenant", tenant.value())
                .param("id", message)
                .param("status", status.key())
                .param("reason", reason)
                .param("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
                .param("sent", sentAt == null ? null : Timestamp.from(sentAt))
                .update();
    }

    List<SentMessage> ofCustomer(TenantId tenant, CustomerId customer, int limit) {
        return jdbc.sql("""
                select * from messaging_message where tenant_id = :tenant and customer_id = :customer
                order by created_at desc limit :limit
                """)
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("limit", limit)
                .query((rs, row) -> message(rs))
                .list();
    }

    /** Messages handed to a channel (or in flight) since the instant, on one channel or all when null. */
    int countSent(TenantId tenant, CustomerId customer, @Nullable MessageChannel channel, Instant since) {
        return jdbc.sql("""
                select count(*) from messaging_message
                where tenant_id = :tenant and customer_id = :customer and created_at >= :since
                  and status in ('queued', 'sending', 'sent', 'retrying', 'unknown')
                  and (cast(:channel as text) is null or channel = :channel)
                """)
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("since", Timestamp.from(since))
                .param("channel", channel == null ? null : channel.key())
                .query(Integer.class)
                .single();
    }

    /** The guardrail counts in one pass over the customer's messages of the last week (or content window). */
    SendHistory history(
            TenantId tenant,
            CustomerId customer,
            MessageChannel channel,
            String contentKey,
            Instant now,
            Instant contentSince) {
        Instant dayAgo = now.minus(Duration.ofDays(1));
        Instant weekAgo = now.minus(Duration.ofDays(7));
        return jdbc.sql("""
                select count(*) filter (where created_at >= :day) as last_day,
                    count(*) filter (where created_at >= :week) as last_week,
                    count(*) filter (where created_at >= :day and channel = :channel) as last_day_channel,
                    count(*) filter (where created_at >= :content_since and content_key = :content) > 0 as same_content
                from messaging_message
                where tenant_id = :tenant and customer_id = :customer and created_at >= :from
                  and status in ('queued', 'sending', 'sent', 'retrying', 'unknown')
                """)
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("day", Timestamp.from(dayAgo))
                .param("week", Timestamp.from(weekAgo))
                .param("channel", channel.key())
                .param("content", contentKey)
                .param("content_since", Timestamp.from(contentSince))
                .param("from", Timestamp.from(weekAgo.isBefore(contentSince) ? weekAgo : contentSince))
                .query((rs, row) -> new SendHistory(
                        rs.getInt("last_day"),
                        rs.getInt("last_week"),
                        rs.getInt("last_day_channel"),
                        rs.getBoolean("same_content")))
                .single();
    }

    boolean sentContent(TenantId tenant, CustomerId customer, String contentKey, Instant since) {
        return jdbc.sql("""
                select exists (select 1 from messaging_message
                  where tenant_id = :tenant and customer_id = :customer and content_key = :content
                    and created_at >= :since and status in ('queued', 'sending', 'sent', 'retrying', 'unknown'))
                """)
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("content", contentKey)
                .param("since", Timestamp.from(since))
                .query(Boolean.class)
                .single();
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(
                message(rs),
                new CustomerId(rs.getString("customer_id")),
                rs.getString("purpose"),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("html_body"),
                rs.getString("text_body"));
    }

    private static SentMessage message(ResultSet rs) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new SentMessage(
                rs.getObject("message_id", UUID.class),
                rs.getString("template_key"),
                MessageChannel.parse(rs.getString("channel")).orElseThrow(),
                rs.getString("content_key"),
                new Attribution(rs.getString("journey"), rs.getString("step"), rs.getString("variant")),
                MessageStatus.of(rs.getString("status")),
                rs.getString("reason"),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                sent == null ? null : sent.toInstant());
    }
}
