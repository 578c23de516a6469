package io.hearth.messaging.internal;

import io.hearth.messaging.MessageChannel;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP. Every message carries List-Unsubscribe with an HTTPS link and
 * List-Unsubscribe-Post for RFC 8058 one-click unsubscribe, which large mailbox providers require of
 * bulk senders.
 */
@Component
class EmailAdapter implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(EmailAdapter.class);

    private final MessagingSettings settings;
    private final Session session;

    EmailAdapter(MessagingSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.smtpHost());
        properties.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
        properties.put(
                "mail.smtp.connectiontimeout",
                String.valueOf(settings.smtpTimeout().toMillis()));
        properties.put(
                "mail.smtp.timeout", String.valueOf(settings.smtpTimeout().toMillis()));
        properties.put(
                "mail.smtp.writetimeout", String.valueOf(settings.smtpTimeout().toMillis()));
        this.session = Session.getInstance(properties);
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.EMAIL;
    }

    @Override
    public DeliveryResult deliver(OutgoingMessage message) {
        MimeMessage mime;
        try {
            mime = compose(message);
        } catch (MessagingException e) {
            return new DeliveryResult.Permanent("message could not be composed: " + e.getMessage());
        }
        try {
            Transport.send(mime);
            return new DeliveryResult.Accepted(mime.getMessageID());
        } catch (MessagingException e) {
            log.debug("SMTP refused message {}", message.messageId(), e);
            return classify(e);
        }
    }

    private MimeMessage compose(OutgoingMessage message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(new InternetAddress(settings.from()));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
        mime.setSubject(message.subject() == null ? "" : message.subject(), StandardCharsets.UTF_8.name());
        mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mime.setHeader("X-Hearth-Message-Id", message.messageId().toString());
        MimeMultipart alternatives = new MimeMultipart("alternative");
        addPart(alternatives, message.text(), "plain");
        addPart(alternatives, message.html(), "html");
        mime.setContent(alternatives);
        mime.saveChanges();
        return mime;
    }

    private static void addPart(MimeMultipart parts, @Nullable String body, String subtype) throws MessagingException {
        if (body == null) {
            return;
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setText(body, StandardCharsets.UTF_8.name(), subtype);
        parts.addBodyPart(part);
    }

    /** 4xx replies and refused connections mean the relay did not take it; anything unclear is ambiguous. */
    static DeliveryResult classify(MessagingException e) {
        ArrayDeque<Throwable> pending = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable cause = pending.pop();
            if (!seen.add(cause)) {
                continue;
            }
            if (cause instanceof SMTPAddressFailedException failed) {
                return recipientRefused(failed.getReturnCode());
            }
            if (cause instanceof SMTPSendFailedException failed) {
                return byCode(failed.getReturnCode(), "message refused");
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return new DeliveryResult.Transient("mail relay unreachable");
            }
            if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
                pending.push(messaging.getNextException());
            }
            if (cause.getCause() != null) {
                pending.push(cause.getCause());
            }
        }
        return new DeliveryResult.Ambiguous(
                "SMTP conversation broke off: " + e.getClass().getSimpleName());
    }

    /** 550, 551 and 553 to RCPT TO say the mailbox does not exist: a hard bounce, the address is suppressed. */
    private static DeliveryResult recipientRefused(int code) {
        if (code == 550 || code == 551 || code == 553) {
            return new DeliveryResult.Undeliverable("recipient refused with " + code);
        }
        return byCode(code, "recipient refused");
    }

    private static DeliveryResult byCode(int code, String what) {
        if (code >= 400 && code < 500) {
            return new DeliveryResult.Transient(what + " with " + code);
        }
        return new DeliveryResult.Permanent(what + " with " + code);
    }
}
