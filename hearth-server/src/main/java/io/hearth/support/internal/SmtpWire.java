package io.hearth.support.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reading SMTP off the wire: command lines of bounded length, and message data up to its final dot
 * with the transparency dots removed (RFC 5321 section 4.5.2). Pure functions of a stream.
 */
final class SmtpWire {

    /** RFC 5321 section 4.5.3.1.4: a command line is at most 512 octets with its CRLF. */
    static final int MAX_COMMAND_LINE = 512;

    private SmtpWire() {}

    /** A command line; its terminator is CRLF or, leniently, a bare LF. */
    sealed interface Line {
        record Text(String text) implements Line {}

        record TooLong() implements Line {}
    }

    /** The next command line, or null at the end of the stream. Of a too-long line the rest is skipped. */
    static @Nullable Line readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        boolean tooLong = false;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                if (tooLong) {
                    return new Line.TooLong();
                }
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                // commands are ASCII; a stray 8-bit byte becomes U+FFFD and fails the syntax checks
                return new Line.Text(new String(bytes, 0, length, StandardCharsets.UTF_8));
            }
            if (line.size() >= MAX_COMMAND_LINE - 1) {
                tooLong = true;
            } else {
                line.write(b);
            }
        }
        return null;
    }

    private enum At {
        LINE_START,
        DOT,
        DOT_CR,
        MIDDLE,
        CR
    }

    /**
     * The message data up to the line holding only a dot, each line's leading transparency dot
     * removed. Only CRLF ends a line: a bare LF followed by a dot neither ends the data nor is
     * unstuffed, so what a downstream parser sees as the end is what this reader saw (SMTP smuggling).
     * Null when the data exceeded {@code limit} octets; it is then read to its end and dropped, so the
     * sender can be answered 552 on the same connection.
     *
     * @throws EOFException when the connection ends before the final dot
     */
    static byte @Nullable [] readData(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream(8192);
        boolean tooLarge = false;
        At at = At.LINE_START;
        int b;
        while ((b = in.read()) != -1) {
            switch (at) {
                case LINE_START -> {
                    if (b == '.') {
                        at = At.DOT;
                        continue;
                    }
                    at = b == '\r' ? At.CR : At.MIDDLE;
                }
                case DOT -> {
                    // the leading dot is dropped: it was either stuffed or the start of the final line
                    if (b == '\r') {
                        at = At.DOT_CR;
                        continue;
                    }
                    at = At.MIDDLE;
                }
                case DOT_CR -> {
                    if (b == '\n') {
                        return tooLarge ? null : data.toByteArray();
                    }
                    tooLarge |= !append(data, '\r', limit);
                    at = b == '\r' ? At.CR : At.MIDDLE;
                }
                case MIDDLE -> at = b == '\r' ? At.CR : At.MIDDLE;
                case CR -> at = b == '\n' ? At.LINE_START : b == '\r' ? At.CR : At.MIDDLE;
            }
            tooLarge |= !append(data, b, limit);
        }
        throw new EOFException("the connection ended inside the message data");
    }

    private static boolean append(ByteArrayOutputStream data, int b, long limit) {
        if (data.size() >= limit) {
            return false;
        }
        data.write(b);
        return true;
    }
}
