package io.hearth.support.internal;

import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.hearth.support.SupportProblem;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The shops' support mailboxes: set up, polled on a fixed delay ({@code hearth.support.mail-poll}),
 * or polled at once on an admin's request. Several nodes may poll the same mailbox: the Message-ID
 * recorded before answering lets one of them have each mail.
 */
@Service
class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    /** One poll: how many mails were answered, in which conversations. */
    record Poll(int received, List<UUID> conversations) {}

    private final MailboxStore store;
    private final ImapMailbox imap;
    private final EmailConversations emails;
    private final ConversationService conversations;
    private final Clock clock;

    MailboxPoller(
            MailboxStore store,
            ImapMailbox imap,
            EmailConversations emails,
            ConversationService conversations,
            Clock clock) {
        this.store = store;
        this.imap = imap;
        this.emails = emails;
        this.conversations = conversations;
        this.clock = clock;
    }

    Mailbox save(TenantId tenant, Mailbox mailbox) {
        check(mailbox);
        conversations.inTenant(tenant, () -> {
            store.save(tenant, mailbox, clock.instant());
            return null;
        });
        return mailbox;
    }

    Optional<Mailbox> mailbox(TenantId tenant) {
        return conversations.inTenant(tenant, () -> store.mailbox(tenant));
    }

    boolean delete(TenantId tenant) {
        return conversations.inTenant(tenant, () -> store.delete(tenant));
    }

    @Scheduled(
            fixedDelayString = "${hearth.support.mail-poll:PT1M}",
            initialDelayString = "${hearth.support.mail-poll:PT1M}")
    void pollAll() {
        for (TenantId tenant : store.tenants()) {
            try {
                TenantContext.call(tenant, () -> poll(tenant));
            } catch (RuntimeException e) {
                log.warn("support mailbox of tenant {} not polled: {}", tenant.value(), e.getMessage());
            }
        }
    }

    Poll poll(TenantId tenant) {
        Mailbox mailbox = mailbox(tenant)
                .orElseThrow(() -> new HearthProblem(SupportProblem.NO_MAILBOX, "Set up the support mailbox first"));
        if (mailbox.password().isEmpty()) {
            polled(tenant, "the stored password cannot be opened with this server's secret key");
            throw new HearthProblem(
                    SupportProblem.MAILBOX_UNREACHABLE,
                    "The stored password cannot be opened with this server's secret key; set the mailbox again");
        }
        List<UUID> answered = new ArrayList<>();
        try {
            imap.poll(mailbox, email -> {
                emails.receive(tenant, mailbox, email).ifPresent(answered::add);
                return true;
            });
            polled(tenant, null);
        } catch (MessagingException e) {
            polled(tenant, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw new HearthProblem(
                    SupportProblem.MAILBOX_UNREACHABLE, "The IMAP server refused or did not answer: " + e.getMessage());
        }
        return new Poll(answered.size(), List.copyOf(answered));
    }

    private void polled(TenantId tenant, @Nullable String error) {
        conversations.inTenant(tenant, () -> {
            store.polled(tenant, clock.instant(), error);
            return null;
        });
    }

    private static void check(Mailbox mailbox) {
        List<FieldError> errors = new ArrayList<>();
        if (mailbox.host().isBlank()) {
            errors.add(new FieldError("/host", "must be the IMAP server's host name"));
        }
        if (mailbox.port() < 1 || mailbox.port() > 65535) {
            errors.add(new FieldError("/port", "must be a TCP port (993 for IMAP over TLS)"));
        }
        if (mailbox.username().isBlank()) {
            errors.add(new FieldError("/username", "must not be blank"));
        }
        if (mailbox.password().isBlank()) {
            errors.add(new FieldError("/password", "must not be blank"));
        }
        if (mailbox.folder().isBlank()) {
            errors.add(new FieldError("/folder", "must not be blank"));
        }
        try {
            new InternetAddress(mailbox.address(), true).validate();
        } catch (AddressException e) {
            errors.add(new FieldError("/address", "must be the support email address"));
        }
        if (!errors.isEmpty()) {
            throw new HearthProblem(SupportProblem.INVALID_MAILBOX, "the mailbox settings are not valid", errors);
        }
    }
}
