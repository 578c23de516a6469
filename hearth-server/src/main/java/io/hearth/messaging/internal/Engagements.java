package io.hearth.messaging.internal;

import io.hearth.messaging.MessageEngaged;
import io.hearth.privacy.Channel;
import io.hearth.privacy.ConsentChange;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.Purpose;
import io.hearth.shared.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What recipients do with messages: opens, clicks, unsubscribes, and what providers report
 * (deliveries, bounces, complaints) are stored against the message and published with its
 * attribution. An unsubscribe or a complaint withdraws marketing consent on the channel through
 * privacy, proven by the message id.
 */
@Component
class Engagements {

    private final JdbcClient jdbc;
    private final MessageStore messages;
    private final PrivacyManagement privacy;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Engagements(
            JdbcClient jdbc,
            MessageStore messages,
            PrivacyManagement privacy,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.privacy = privacy;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    void record(TrackingLinks.Target target, MessageEngaged.Kind kind, @Nullable String url) {
        TenantContext.run(target.tenant(), () -> {
            Optional<MessageStore.Stored> message = messages.byId(target.tenant(), target.messageId());
            if (message.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            if (kind == MessageEngaged.Kind.UNSUBSCRIBED || kind == MessageEngaged.Kind.COMPLAINED) {
                Channel channel = message.get().message().channel().consentChannel();
                privacy.recordConsent(
                        target.tenant(),
                        new ConsentChange(
                                message.get().customer(),
                                Purpose.MARKETING,
                                channel,
                                false,
                                kind == MessageEngaged.Kind.COMPLAINED ? "complaint" : "unsubscribe-link",
                                now,
                                "message " + target.messageId()));
            }
            transactions.executeWithoutResult(status -> {
                jdbc.sql("""
                        insert into messaging_engagement (tenant_id, message_id, kind, url, occurred_at)
                        values (:tenant, :message, :kind, :url, :now)
                        """)
                        .param("tenant", target.tenant().value())
                        .param("message", target.messageId())
                        .param("kind", kind.key())
                        .param("url", url)
                        .param("now", Timestamp.from(now))
                        .update();
                events.publishEvent(new MessageEngaged(
                        target.tenant(),
                        target.messageId(),
                        message.get().customer(),
                        kind,
                        message.get().message().attribution(),
                        url,
                        now));
            });
        });
    }
}
