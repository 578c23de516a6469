package io.hearth.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.hearth.messaging.internal.MessagingSettings;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;

/**
 * A real SMTP server (GreenMail) on the port the server sends to, started once for the shared test
 * context. Tests read what arrived for their own addresses, so they need no cleanup.
 */
@TestComponent
public class MailInbox {

    private final ServerSetup setup;
    private GreenMail greenMail;

    MailInbox(MessagingSettings settings) {
        setup = new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(setup);
        greenMail.start();
    }

    /** Every message received so far addressed to this recipient. */
    public List<MimeMessage> to(String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> addressedTo(message, recipient))
                .toList();
    }

    /** Stops the server: sends see a refused connection. What it received so far is forgotten. */
    public synchronized void stop() {
        greenMail.stop();
    }

    /** Starts a fresh server on the same port unless one is running. */
    public synchronized void start() {
        if (greenMail.isRunning()) {
            return;
        }
        greenMail = new GreenMail(setup);
        greenMail.start();
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null
                    && Arrays.stream(to).anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
