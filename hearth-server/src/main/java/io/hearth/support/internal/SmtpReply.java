package io.hearth.support.internal;

import java.util.List;

/**
 * One SMTP reply: a code, its text lines (several make a multi-line reply, RFC 5321 section 4.2.1)
 * and what the connection does next.
 */
record SmtpReply(int code, List<String> lines, Next next) {

    enum Next {
        /** Read the next command. */
        COMMAND,
        /** Read the message data (after 354). */
        DATA,
        /** Close the connection (after 221 or 421). */
        CLOSE
    }

    static SmtpReply of(int code, String text) {
        return new SmtpReply(code, List.of(text), Next.COMMAND);
    }

    String wire() {
        StringBuilder wire = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            wire.append(code)
                    .append(i == lines.size() - 1 ? ' ' : '-')
                    .append(lines.get(i))
                    .append("\r\n");
        }
        return wire.toString();
    }
}
