package io.hearth.support.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.hearth.shared.TenantId;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stores each mail received over SMTP for every tenant it was addressed to, then schedules its
 * handling ({@link SmtpInboxTask}). The sender hears 250 only after both: a mail stored but not
 * scheduled (a crash in between) is scheduled again when the sender, having heard nothing, resends it.
 */
@Component
class SmtpInbox {

    private static final Logger log = LoggerFactory.getLogger(SmtpInbox.class);

    private static final String NO_ID_DOMAIN = "@smtp.hearth.local>";

    private final SmtpInboxStore store;
    private final ConversationService conversations;
    private final SchedulerClient scheduler;
    private final OneTimeTask<SmtpInboxTask.Handle> task;
    private final SmtpSettings settings;
    private final Clock clock;

    SmtpInbox(
            SmtpInboxStore store,
            ConversationService conversations,
            SchedulerClient scheduler,
            OneTimeTask<SmtpInboxTask.Handle> task,
            SmtpSettings settings,
            Clock clock) {
        this.store = store;
        this.conversations = conversations;
        this.scheduler = scheduler;
        this.task = task;
        this.settings = settings;
        this.clock = clock;
    }

    String deliver(SmtpSession.Envelope envelope, byte[] data) {
        String messageId = messageId(data);
        Instant now = clock.instant();
        byte[] raw = withReceived(envelope, data, now);
        for (TenantId tenant : envelope.tenants()) {
            conversations.inTenant(tenant, () -> store.store(tenant, messageId, raw, now));
        }
        for (TenantId tenant : envelope.tenants()) {
            scheduler.schedule(
                    task.instance(
                            SmtpInboxTask.instanceId(tenant, messageId),
                            new SmtpInboxTask.Handle(tenant.value().toString(), messageId)),
                    now,
                    SchedulerClient.ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
        }
        return messageId;
    }

    /** Handled mail past {@code keep-handled} is dropped; hourly, on every node (deleting twice is harmless). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        int dropped = store.purge(clock.instant().minus(settings.keepHandled()));
        if (dropped > 0) {
            log.info(
                    "dropped {} support mails received over SMTP and handled over {} ago",
                    dropped,
                    settings.keepHandled());
        }
    }

    /**
     * The mail's Message-ID; without one, one derived from its bytes, so that the same mail sent again
     * is known as the same.
     */
    static String messageId(byte[] data) {
        try {
            String header = new InternetHeaders(new ByteArrayInputStream(data)).getHeader("Message-ID", null);
            List<String> ids = ImapMailbox.ids(header);
            if (!ids.isEmpty() && ids.getFirst().length() <= 900) {
                return ids.getFirst();
            }
        } catch (MessagingException unreadable) {
            // no readable header: the bytes name it
        }
        return "<" + HexFormat.of().formatHex(sha256(data), 0, 20) + NO_ID_DOMAIN;
    }

    /** RFC 5321 section 4.4: the receiver adds a Received line; after the Message-ID was taken. */
    private byte[] withReceived(SmtpSession.Envelope envelope, byte[] data, Instant at) {
        String received = "Received: from " + clean(envelope.helo()) + " ([" + envelope.remote() + "])\r\n\tby "
                + settings.hostname() + " (Hearth) with ESMTP;\r\n\t"
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC)) + "\r\n";
        byte[] header = received.getBytes(StandardCharsets.US_ASCII);
        byte[] raw = new byte[header.length + data.length];
        System.arraycopy(header, 0, raw, 0, header.length);
        System.arraycopy(data, 0, raw, header.length, data.length);
        return raw;
    }

    private static String clean(String helo) {
        String printable = helo.replaceAll("[^\\x21-\\x7e]", "?");
        return printable.length() > 200 ? printable.substring(0, 200) : printable;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
