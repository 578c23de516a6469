package io.hearth.support.internal;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends support replies through the server's mail relay ({@code hearth.messaging.smtp-host} and
 * {@code -port}). Not through the messaging module's templates: a reply must carry the thread's
 * In-Reply-To and References, and it answers a mail the customer wrote, so no marketing consent
 * applies to it.
 */
@Component
class SupportMailSender {

    /** What went out, so that the customer's answer to it finds its conversation again. */
    record Sent(String messageId, String subject, String references) {}

    private final Session session;
    private final int port;

    SupportMailSender(
            @Value("${hearth.messaging.smtp-host:localhost}") String host,
            @Value("${hearth.messaging.smtp-port:25}") int port,
            @Value("${hearth.messaging.smtp-timeout:PT10S}") Duration timeout) {
        this.port = port;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", String.valueOf(timeout.toMillis()));
        properties.put("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
        properties.put("mail.smtp.writetimeout", String.valueOf(timeout.toMillis()));
        this.session = Session.getInstance(properties);
    }

    int port() {
        return port;
    }

    Sent reply(Mailbox mailbox, MailboxStore.Thread thread, String text, boolean automatic) throws MessagingException {
        return reply(mailbox, thread, text, automatic, "");
    }

    /**
     * A reply in the thread whose Message-ID starts with {@code prefix}, so that the customer's answer
     * to it can be told apart (the CSAT question) by the Message-ID alone.
     */
    Sent reply(Mailbox mailbox, MailboxStore.Thread thread, String text, boolean automatic, String prefix)
            throws MessagingException {
        String subject = thread.subject().regionMatches(true, 0, "Re:", 0, 3)
                ? thread.subject()
                : "Re: " + (thread.subject().isBlank() ? "your message" : thread.subject());
        String references = (thread.references() + " " + thread.messageId()).strip();
        return send(mailbox, thread.address(), subject, text, thread.messageId(), references, automatic, prefix);
    }

    /**
     * A mail that answers none of the customer's: it starts the email thread of a conversation begun
     * on another channel. Its Message-ID is recorded, so her reply finds the conversation.
     */
    Sent start(Mailbox mailbox, String to, String subject, String text) throws MessagingException {
        return send(mailbox, to, subject, text, null, "", false, "");
    }

    private Sent send(
            Mailbox mailbox,
            String to,
            String subject,
            String text,
            @Nullable String inReplyTo,
            String references,
            boolean automatic,
            String prefix)
            throws MessagingException {
        String messageId = "<" + prefix + UUID.randomUUID() + "@" + mailbox.domain() + ">";
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mime.setFrom(new InternetAddress(mailbox.address()));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mime.setSubject(subject, StandardCharsets.UTF_8.name());
        if (inReplyTo != null) {
            mime.setHeader("In-Reply-To", inReplyTo);
            mime.setHeader("References", references);
        }
        if (automatic) {
            // RFC 3834: the assistant's answer, which the customer's own auto-responder must not answer back
            mime.setHeader("Auto-Submitted", "auto-replied");
        }
        mime.setText(text, StandardCharsets.UTF_8.name());
        Transport.send(mime);
        return new Sent(messageId, subject, references);
    }
}
