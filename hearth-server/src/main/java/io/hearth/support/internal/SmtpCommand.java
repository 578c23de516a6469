package io.hearth.support.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One SMTP command line (RFC 5321 section 4.1), parsed without any state: the verb, upper-cased,
 * and the rest of the line as the argument.
 */
record SmtpCommand(String verb, String argument) {

    /**
     * The path of MAIL FROM or RCPT TO and its ESMTP parameters (SIZE=, BODY=).
     *
     * @param address the mailbox inside the angle brackets; empty for the null reverse-path {@code <>}
     */
    record Path(String address, Map<String, String> parameters) {}

    /** {@code <local@domain>}, or {@code <>}; a source route ({@code <@a,@b:x@y>}) is allowed and ignored. */
    private static final Pattern PATH =
            Pattern.compile("<(?:@[^:<>\\s]+:)?([^<>\\s]*)>((?:\\s+[A-Za-z0-9][A-Za-z0-9-]*(?:=[^\\s=]+)?)*)\\s*");

    private static final Pattern MAILBOX = Pattern.compile("[^@\\s]+@[^@\\s]+");

    static SmtpCommand parse(String line) {
        String stripped = line.strip();
        int space = stripped.indexOf(' ');
        String verb = space < 0 ? stripped : stripped.substring(0, space);
        String argument = space < 0 ? "" : stripped.substring(space + 1).strip();
        return new SmtpCommand(verb.toUpperCase(Locale.ROOT), argument);
    }

    /**
     * The path after {@code FROM:} or {@code TO:} (case-insensitive; a space after the colon is
     * tolerated, as many senders write one); empty when the syntax is wrong.
     */
    Optional<Path> path(String keyword) {
        String prefix = keyword + ":";
        if (!argument.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        Matcher matcher = PATH.matcher(argument.substring(prefix.length()).stripLeading());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String address = matcher.group(1);
        if (!address.isEmpty() && !MAILBOX.matcher(address).matches()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : matcher.group(2).strip().split("\\s+")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toUpperCase(Locale.ROOT);
            parameters.put(name, equals < 0 ? "" : parameter.substring(equals + 1));
        }
        return Optional.of(new Path(address, Map.copyOf(parameters)));
    }

    /** The SIZE= parameter as a number; null when absent, -1 when it is not a number. */
    static @Nullable Long size(Path path) {
        String size = path.parameters().get("SIZE");
        if (size == null) {
            return null;
        }
        try {
            long value = Long.parseLong(size);
            return value < 0 ? -1L : value;
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
