package io.hearth.support.internal;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Hands a mail stored by {@link SmtpInbox} to the conversations, the same way as a mail read over
 * IMAP, then marks it handled. A durable one-time task per mail: a node that dies while handling it
 * leaves it to be run again, and the conversations know a Message-ID they have taken (the claim and
 * the customer's message commit together), so a second run adds nothing. A failure is retried later.
 */
@Configuration(proxyBeanMethods = false)
class SmtpInboxTask {

    private static final Logger log = LoggerFactory.getLogger(SmtpInboxTask.class);

    static final String TASK = "support-smtp-inbox";

    /** Task data: the stored mail's tenant and Message-ID. */
    record Handle(String tenant, String messageId) implements java.io.Serializable {}

    /**
     * The handler is looked up when a mail is due, not when the task is built: the scheduler is made
     * early, before the conversations it would otherwise pull in (which schedule tasks themselves).
     */
    @Bean
    OneTimeTask<Handle> supportSmtpInboxTask(ObjectProvider<SmtpInboxTask.Handler> handler) {
        return Tasks.oneTime(TASK, Handle.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30)))
                .execute((instance, context) -> handler.getObject().handle(instance.getData()));
    }

    /** Reads the stored mail, hands it over, marks it handled. */
    @Component
    static class Handler {

        private final SmtpInboxStore store;
        private final MailboxStore mailboxes;
        private final EmailConversations emails;
        private final ConversationService conversations;
        private final Clock clock;

        Handler(
                SmtpInboxStore store,
                MailboxStore mailboxes,
                EmailConversations emails,
                ConversationService conversations,
                Clock clock) {
            this.store = store;
            this.mailboxes = mailboxes;
            this.emails = emails;
            this.conversations = conversations;
            this.clock = clock;
        }

        void handle(Handle handle) {
            TenantId tenant = new TenantId(UUID.fromString(handle.tenant()));
            String id = handle.messageId();
            TenantContext.run(tenant, () -> {
                Optional<byte[]> raw = conversations.inTenant(tenant, () -> store.unhandled(tenant, id));
                if (raw.isEmpty()) {
                    return; // handled by an earlier run
                }
                InboundEmail email = read(raw.get(), id);
                if (email != null) {
                    Mailbox mailbox = conversations
                            .inTenant(tenant, () -> mailboxes.mailbox(tenant))
                            .orElse(null);
                    emails.receive(tenant, mailbox, email);
                }
                conversations.inTenant(tenant, () -> {
                    store.handled(tenant, id, clock.instant());
                    return null;
                });
            });
        }
    }

    static String instanceId(TenantId tenant, String messageId) {
        byte[] hash;
        try {
            hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(messageId.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return tenant.value() + "/" + HexFormat.of().formatHex(hash, 0, 16);
    }

    /**
     * The stored mail as the conversations read it, under the Message-ID it was stored by (for a mail
     * without one, the derived id); null when it has no sender or cannot be parsed, which no retry
     * would change.
     */
    static @Nullable InboundEmail read(byte[] raw, String messageId) {
        try {
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            InboundEmail email = ImapMailbox.read(mime);
            return email == null
                    ? null
                    : new InboundEmail(messageId, email.threadIds(), email.from(), email.subject(), email.text());
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            log.warn(
                    "support mail {} received over SMTP cannot be read, dropped: {}", messageId, unreadable.toString());
            return null;
        }
    }
}
