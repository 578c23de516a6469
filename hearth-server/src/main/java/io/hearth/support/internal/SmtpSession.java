package io.hearth.support.internal;

import io.hearth.shared.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP conversation with one sender as a state machine (RFC 5321): greeting, then a command line
 * at a time, then the message data. It knows nothing of sockets, so the protocol is tested without
 * one; {@link SmtpConnection} moves the bytes.
 */
final class SmtpSession {

    private static final Logger log = LoggerFactory.getLogger(SmtpSession.class);

    /** RFC 5321 section 4.5.3.1.8: at least 100 recipients must be accepted. */
    static final int MAX_RECIPIENTS = 100;

    static final int MAX_ERRORS = 20;

    /** Which tenant an address belongs to (the inbound addresses). */
    interface Recipients {
        Optional<TenantId> tenantOf(String address);
    }

    /** Stores a received message durably for these tenants; answers its Message-ID. */
    interface Delivery {
        String deliver(Envelope envelope, byte[] data);
    }

    /** What the sender told about the message before its data. */
    record Envelope(String helo, String remote, String from, List<String> recipients, Set<TenantId> tenants) {}

    private final String hostname;
    private final long maxSize;
    private final String remote;
    private final Recipients recipients;
    private final Delivery delivery;

    private @Nullable String helo;
    private @Nullable String from;
    private final List<String> to = new ArrayList<>();
    private final Set<TenantId> tenants = new LinkedHashSet<>();
    private int errors;

    SmtpSession(String hostname, long maxSize, String remote, Recipients recipients, Delivery delivery) {
        this.hostname = hostname;
        this.maxSize = maxSize;
        this.remote = remote;
        this.recipients = recipients;
        this.delivery = delivery;
    }

    SmtpReply greeting() {
        return SmtpReply.of(220, hostname + " ESMTP Hearth support");
    }

    SmtpReply command(String line) {
        return counted(dispatch(line));
    }

    /**
     * After {@link #MAX_ERRORS} refused commands (unknown ones, bad syntax, unknown recipients) the
     * sender is dropped with 421: a sender that keeps getting them wrong is probing, not delivering.
     */
    private SmtpReply counted(SmtpReply reply) {
        if (reply.code() >= 500 && ++errors >= MAX_ERRORS) {
            return new SmtpReply(421, List.of("4.7.0 " + hostname + " too many errors, closing"), SmtpReply.Next.CLOSE);
        }
        return reply;
    }

    private SmtpReply dispatch(String line) {
        if (line.isBlank()) {
            return SmtpReply.of(500, "5.5.2 Empty command");
        }
        SmtpCommand command = SmtpCommand.parse(line);
        return switch (command.verb()) {
            case "EHLO" -> hello(command, true);
            case "HELO" -> hello(command, false);
            case "MAIL" -> mail(command);
            case "RCPT" -> rcpt(command);
            case "DATA" -> data(command);
            case "RSET" -> {
                reset();
                yield SmtpReply.of(250, "2.0.0 Reset");
            }
            case "NOOP" -> SmtpReply.of(250, "2.0.0 OK");
            case "QUIT" -> new SmtpReply(221, List.of("2.0.0 " + hostname + " closing"), SmtpReply.Next.CLOSE);
            // RFC 5321 section 3.5.3: 252 rather than revealing which addresses exist
            case "VRFY" -> SmtpReply.of(252, "2.5.0 Cannot verify, but will accept the message and try");
            case "HELP" -> SmtpReply.of(214, "2.0.0 See RFC 5321");
            case "EXPN", "STARTTLS", "AUTH", "BDAT", "TURN", "ETRN", "SEND", "SOML", "SAML" ->
                SmtpReply.of(502, "5.5.1 Command not implemented");
            default -> SmtpReply.of(500, "5.5.1 Command unrecognized");
        };
    }

    /** The command line was longer than RFC 5321 allows (512 octets). */
    SmtpReply lineTooLong() {
        return counted(SmtpReply.of(500, "5.5.2 Line too long"));
    }

    /** The data of the message, after the sender's final dot; stored before it hears 250. */
    SmtpReply message(byte[] data) {
        Envelope envelope = new Envelope(
                helo == null ? "" : helo, remote, from == null ? "" : from, List.copyOf(to), Set.copyOf(tenants));
        reset();
        try {
            String messageId = delivery.deliver(envelope, data);
            return SmtpReply.of(250, "2.0.0 OK stored " + messageId);
        } catch (RuntimeException e) {
            // nothing was promised: the sender keeps the mail and tries again later
            log.warn("support mail over SMTP from {} not stored: {}", remote, e.toString());
            return SmtpReply.of(451, "4.3.0 Not stored, try again later");
        }
    }

    /** The data went past the maximum size; it was read to its end and dropped. */
    SmtpReply messageTooLarge() {
        reset();
        return SmtpReply.of(552, "5.3.4 Message size exceeds fixed maximum message size");
    }

    SmtpReply idle() {
        return new SmtpReply(421, List.of("4.4.2 " + hostname + " idle too long, closing"), SmtpReply.Next.CLOSE);
    }

    private SmtpReply hello(SmtpCommand command, boolean extended) {
        if (command.argument().isBlank()) {
            return SmtpReply.of(501, "5.5.4 Say who you are: " + command.verb() + " <domain>");
        }
        reset();
        helo = command.argument();
        if (!extended) {
            return SmtpReply.of(250, hostname);
        }
        // PIPELINING holds: commands are read one after another from one buffered stream, none is dropped
        return new SmtpReply(
                250,
                List.of(
                        hostname + " greets " + helo,
                        "SIZE " + maxSize,
                        "8BITMIME",
                        "PIPELINING",
                        "ENHANCEDSTATUSCODES"),
                SmtpReply.Next.COMMAND);
    }

    private SmtpReply mail(SmtpCommand command) {
        if (helo == null) {
            return SmtpReply.of(503, "5.5.1 Send EHLO or HELO first");
        }
        if (from != null) {
            return SmtpReply.of(503, "5.5.1 Sender already given");
        }
        Optional<SmtpCommand.Path> path = command.path("FROM");
        if (path.isEmpty()) {
            return SmtpReply.of(501, "5.5.4 Syntax: MAIL FROM:<address>");
        }
        for (var parameter : path.get().parameters().entrySet()) {
            switch (parameter.getKey()) {
                case "SIZE" -> {
                    Long size = SmtpCommand.size(path.get());
                    if (size == null || size < 0) {
                        return SmtpReply.of(501, "5.5.4 SIZE must be a number");
                    }
                    if (size > maxSize) {
                        return SmtpReply.of(552, "5.3.4 Message size exceeds fixed maximum message size");
                    }
                }
                case "BODY" -> {
                    String body = parameter.getValue().toUpperCase(Locale.ROOT);
                    if (!body.equals("7BIT") && !body.equals("8BITMIME")) {
                        return SmtpReply.of(501, "5.5.4 BODY must be 7BIT or 8BITMIME");
                    }
                }
                default -> {
                    return SmtpReply.of(555, "5.5.4 Parameter " + parameter.getKey() + " not supported");
                }
            }
        }
        from = path.get().address();
        return SmtpReply.of(250, "2.1.0 Sender OK");
    }

    private SmtpReply rcpt(SmtpCommand command) {
        if (from == null) {
            return SmtpReply.of(503, "5.5.1 Send MAIL FROM first");
        }
        Optional<SmtpCommand.Path> path = command.path("TO");
        if (path.isEmpty() || path.get().address().isEmpty()) {
            return SmtpReply.of(501, "5.5.4 Syntax: RCPT TO:<address>");
        }
        if (!path.get().parameters().isEmpty()) {
            return SmtpReply.of(555, "5.5.4 RCPT parameters not supported");
        }
        if (to.size() >= MAX_RECIPIENTS) {
            return SmtpReply.of(452, "4.5.3 Too many recipients");
        }
        String address = path.get().address();
        Optional<TenantId> tenant;
        try {
            tenant = recipients.tenantOf(address);
        } catch (RuntimeException e) {
            log.warn("support inbound address {} not looked up: {}", address, e.toString());
            return SmtpReply.of(451, "4.3.0 Cannot check the recipient now, try again later");
        }
        if (tenant.isEmpty()) {
            return SmtpReply.of(550, "5.1.1 No such mailbox here");
        }
        to.add(address);
        tenants.add(tenant.get());
        return SmtpReply.of(250, "2.1.5 Recipient OK");
    }

    private SmtpReply data(SmtpCommand command) {
        if (!command.argument().isEmpty()) {
            return SmtpReply.of(501, "5.5.4 DATA takes no argument");
        }
        if (from == null) {
            return SmtpReply.of(503, "5.5.1 Send MAIL FROM first");
        }
        if (to.isEmpty()) {
            return SmtpReply.of(503, "5.5.1 No valid recipients");
        }
        return new SmtpReply(354, List.of("Send the message, end with <CRLF>.<CRLF>"), SmtpReply.Next.DATA);
    }

    private void reset() {
        from = null;
        to.clear();
        tenants.clear();
    }
}
