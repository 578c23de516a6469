package io.hearth.support;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.hearth.support.internal.SupportMailRelay;
import io.hearth.testing.Api;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A shop's support mailbox on a real IMAP server (GreenMail), which is also the relay Hearth's
 * replies go through: customers' mails are delivered into it, Hearth's answers are read back from it.
 */
final class SupportMailFixture implements AutoCloseable {

    final SupportShop shop;
    final GreenMail mail;
    final GreenMailUser mailbox;
    final String support;
    final String tag = UUID.randomUUID().toString().substring(0, 8);

    SupportMailFixture(SupportShop shop, ApplicationContext context) {
        this.shop = shop;
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort(),
            new ServerSetup(SupportMailRelay.port(context), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
        });
        mail.start();
        support = "support-" + tag + "@shop.test";
        mailbox = mail.setUser(support, "support-" + tag, "secret");
        Api.Response saved = shop.api.put(
                "/v1/support/admin/mailbox",
                bearer(shop.shop.adminKey()),
                "{\"host\":\"127.0.0.1\",\"port\":" + mail.getImap().getPort()
                        + ",\"ssl\":false,\"username\":\"support-" + tag
                        + "\",\"password\":\"secret\",\"address\":\"" + support + "\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    String address(String name) {
        return name + "-" + tag + "@example.test";
    }

    JsonNode poll() {
        Api.Response poll = shop.api.post("/v1/support/admin/mailbox/poll", bearer(shop.shop.adminKey()), "{}");
        assertThat(poll.status()).as(poll.body()).isEqualTo(200);
        return poll.json();
    }

    void deliver(String from, String messageId, @Nullable String inReplyTo, String subject, String text)
            throws MessagingException {
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mime.setFrom(new InternetAddress(from));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(support));
        mime.setSubject(subject);
        if (inReplyTo != null) {
            mime.setHeader("In-Reply-To", inReplyTo);
            mime.setHeader("References", inReplyTo);
        }
        mime.setText(text);
        mime.saveChanges();
        mailbox.deliver(mime);
    }

    /** The mails Hearth sent to this address, once there are at least {@code count}. */
    List<MimeMessage> awaitMail(String recipient, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sentTo(recipient).size() >= count);
        return sentTo(recipient);
    }

    List<MimeMessage> sentTo(String recipient) {
        List<MimeMessage> sent = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equalsIgnoreCase(recipient)) {
                    sent.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return sent;
    }

    static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives the shop's customer this email address, and waits until Hearth can find her by it. */
    void identify(String user, String email) {
        String body = "{\"userId\":\"" + user + "\",\"messageId\":\"id-" + UUID.randomUUID()
                + "\",\"traits\":{\"email\":\"" + email + "\"}}";
        assertThat(shop.api
                        .post("/v1/identify", basic(shop.shop.writeKey()), body)
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> shop.api
                                .get("/v1/customers/lookup?email=" + email, bearer(shop.shop.adminKey()))
                                .status()
                        == 200);
    }

    @Override
    public void close() {
        mail.stop();
    }
}
