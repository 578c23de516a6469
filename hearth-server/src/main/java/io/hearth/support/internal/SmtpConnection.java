package io.hearth.support.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one sender's bytes between its socket and its {@link SmtpSession}. A sender silent for the
 * socket's read timeout is told 421 and dropped.
 */
final class SmtpConnection {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnection.class);

    private SmtpConnection() {}

    static void serve(Socket socket, SmtpSession session, long maxSize) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            try {
                converse(in, out, session, maxSize);
            } catch (SocketTimeoutException idle) {
                send(out, session.idle());
            }
        } catch (EOFException gone) {
            log.debug("SMTP sender left in the middle of the data: {}", gone.getMessage());
        } catch (IOException e) {
            log.debug("SMTP connection ended: {}", e.toString());
        }
    }

    private static void converse(InputStream in, OutputStream out, SmtpSession session, long maxSize)
            throws IOException {
        SmtpReply reply = session.greeting();
        send(out, reply);
        while (true) {
            switch (reply.next()) {
                case CLOSE -> {
                    return;
                }
                case DATA -> {
                    byte[] data = SmtpWire.readData(in, maxSize);
                    reply = data == null ? session.messageTooLarge() : session.message(data);
                }
                case COMMAND -> {
                    SmtpWire.Line line = SmtpWire.readLine(in);
                    if (line == null) {
                        return; // the sender hung up without QUIT
                    }
                    reply = line instanceof SmtpWire.Line.Text text
                            ? session.command(text.text())
                            : session.lineTooLong();
                }
            }
            send(out, reply);
        }
    }

    private static void send(OutputStream out, SmtpReply reply) throws IOException {
        out.write(reply.wire().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
