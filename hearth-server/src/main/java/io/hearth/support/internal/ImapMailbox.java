package io.hearth.support.internal;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads a support mailbox over IMAP: each unseen mail is handed over and, once handled, flagged
 * seen. A mail whose handling fails is flagged unseen again, so the next poll retries it.
 */
@Component
class ImapMailbox {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImapMailbox.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern QUOTE_START = Pattern.compile(
            "(?m)^(?:On .{0,200} wrote:|Am .{0,200} schrieb .{0,120}:|-{2,} ?Original Message ?-{2,}|From: .*)\\s*$");
    private static final Pattern HTML_BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>|</li>");
    private static final Pattern HTML_TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern HTML_DROP = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>|<!--.*?-->");

    /** Handles every unseen mail; the predicate answers whether it was handled. Answers how many were. */
    int poll(Mailbox mailbox, Predicate<InboundEmail> handler) throws MessagingException {
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        properties.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT.toMillis()));
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore(protocol)) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                int handled = 0;
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    boolean done;
                    try {
                        done = handle(message, handler);
                    } catch (RuntimeException e) {
                        // reading the body flagged it seen: unflag it, so the next poll tries again
                        log.warn("support mail not handled, left for the next poll: {}", e.getMessage());
                        done = false;
                    }
                    message.setFlag(Flags.Flag.SEEN, done);
                    handled += done ? 1 : 0;
                }
                return handled;
            } finally {
                folder.close(false);
            }
        }
    }

    private static boolean handle(Message message, Predicate<InboundEmail> handler) throws MessagingException {
        InboundEmail email;
        try {
            email = read((MimeMessage) message);
        } catch (IOException | MessagingException | ClassCastException unreadable) {
            // a mail that cannot be read never will be: flag it seen rather than retry it forever
            return true;
        }
        return email == null || handler.test(email);
    }

    static @Nullable InboundEmail read(MimeMessage mime) throws MessagingException, IOException {
        if (mime.getFrom() == null || mime.getFrom().length == 0 || !(mime.getFrom()[0] instanceof InternetAddress)) {
            return null;
        }
        String from = ((InternetAddress) mime.getFrom()[0]).getAddress();
        String messageId = mime.getMessageID();
        if (messageId == null || messageId.isBlank()) {
            messageId = "<" + Integer.toHexString((from + mime.getSentDate() + mime.getSubject()).hashCode())
                    + ".no-id@hearth.local>";
        }
        List<String> thread = new ArrayList<>(ids(mime.getHeader("In-Reply-To", " ")));
        List<String> references = ids(mime.getHeader("References", " "));
        Collections.reverse(references);
        references.stream().filter(id -> !thread.contains(id)).forEach(thread::add);
        String subject = mime.getSubject() == null ? "" : mime.getSubject().strip();
        return new InboundEmail(messageId.strip(), List.copyOf(thread), from, subject, newText(text(mime)));
    }

    static List<String> ids(@Nullable String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = MESSAGE_ID.matcher(header);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }

    /** The text above the quoted earlier mails and without quoted lines; all of it if that leaves none. */
    static String newText(String body) {
        String text = body.replace("\r\n", "\n");
        Matcher quote = QUOTE_START.matcher(text);
        String above = quote.find() ? text.substring(0, quote.start()) : text;
        String unquoted = above.lines()
                .filter(line -> !line.startsWith(">"))
                .reduce((a, b) -> a + "\n" + b)
                .orElse("")
                .strip();
        return unquoted.isEmpty() ? text.strip() : unquoted;
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("text/html")) {
            String html = HTML_DROP.matcher(part.getContent().toString()).replaceAll("");
            html = HTML_BREAK.matcher(html).replaceAll("\n");
            return HTML_TAG.matcher(html)
                    .replaceAll("")
                    .replace("&nbsp;", " ")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&");
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                Part child = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    continue;
                }
                if (child.isMimeType("text/plain") || child.isMimeType("multipart/*")) {
                    String text = text(child);
                    if (!text.isBlank()) {
                        return text;
                    }
                } else if (child.isMimeType("text/html") && html == null) {
                    html = text(child);
                }
            }
            return html == null ? "" : html;
        }
        return "";
    }
}
