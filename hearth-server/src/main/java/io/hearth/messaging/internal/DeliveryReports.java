package io.hearth.messaging.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the reports mail systems send back: delivery status notifications (RFC 3464, {@code
 * multipart/report; report-type=delivery-status}) and abuse feedback reports (RFC 5965, ARF, {@code
 * report-type=feedback-report}). The message they are about is found by the {@code X-Hearth-Message-Id}
 * header every email carries, which both kinds return with the original headers.
 */
final class DeliveryReports {

    private static final Pattern MESSAGE_ID = Pattern.compile(
            "(?im)^X-Hearth-Message-Id:\\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final Pattern ACTION = Pattern.compile("(?im)^Action:\\s*(\\S+)");
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern FEEDBACK_TYPE = Pattern.compile("(?im)^Feedback-Type:\\s*(\\S+)");

    private DeliveryReports() {}

    /** What a report says. */
    enum Kind {
        /** Failed for good (DSN status 5.x.x): the address is suppressed. */
        HARD_BOUNCE,
        /** Delayed or failed for a reason that may pass (4.x.x): recorded nowhere, the address stays. */
        SOFT_BOUNCE,
        /** The recipient reported the message as spam. */
        COMPLAINT,
        /** A delivery or relay success notice: nothing to do. */
        OTHER
    }

    /** @param code the DSN status ({@code 5.1.1}) or the feedback type ({@code abuse}) */
    record Report(Kind kind, Optional<UUID> messageId, String code) {}

    /** The report in this raw email, or empty when it is not a delivery status or feedback report. */
    static Optional<Report> parse(byte[] raw) {
        try {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            ContentType type = new ContentType(mail.getContentType());
            if (!type.match("multipart/report") || !(mail.getContent() instanceof MimeMultipart parts)) {
                return Optional.empty();
            }
            Optional<UUID> message = messageId(new String(raw, StandardCharsets.UTF_8));
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("message/delivery-status")) {
                    return Optional.of(deliveryStatus(text(part), message));
                }
                if (part.isMimeType("message/feedback-report")) {
                    return Optional.of(feedback(text(part), message));
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Report deliveryStatus(String fields, Optional<UUID> message) {
        Matcher status = STATUS.matcher(fields);
        Matcher action = ACTION.matcher(fields);
        String code = status.find() ? status.group(1) : "";
        String verb = action.find() ? action.group(1).toLowerCase(Locale.ROOT) : "";
        if (verb.equals("failed") && code.startsWith("5.")) {
            return new Report(Kind.HARD_BOUNCE, message, code);
        }
        if (verb.equals("failed") || verb.equals("delayed") || code.startsWith("4.")) {
            return new Report(Kind.SOFT_BOUNCE, message, code.isEmpty() ? verb : code);
        }
        return new Report(Kind.OTHER, message, code.isEmpty() ? verb : code);
    }

    private static Report feedback(String fields, Optional<UUID> message) {
        Matcher type = FEEDBACK_TYPE.matcher(fields);
        String feedback = type.find() ? type.group(1).toLowerCase(Locale.ROOT) : "";
        // abuse and fraud are the recipient saying "spam"; not-spam, virus or other are not complaints.
        boolean complaint = feedback.equals("abuse") || feedback.equals("fraud");
        return new Report(complaint ? Kind.COMPLAINT : Kind.OTHER, message, feedback);
    }

    private static Optional<UUID> messageId(String raw) {
        Matcher id = MESSAGE_ID.matcher(raw);
        return id.find() ? Optional.of(UUID.fromString(id.group(1).toLowerCase(Locale.ROOT))) : Optional.empty();
    }

    private static String text(BodyPart part) throws MessagingException, IOException {
        try (var in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
