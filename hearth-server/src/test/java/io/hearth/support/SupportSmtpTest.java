package io.hearth.support;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hearth.shared.TenantId;
import io.hearth.support.internal.SupportSmtp;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Support mail received over SMTP end to end: customers' mail clients (Jakarta Mail) and a raw socket
 * talk to Hearth's receiver; the mails become conversations like IMAP's, answered through the shop's
 * relay (GreenMail).
 */
@HearthTest
class SupportSmtpTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ApplicationContext context;

    SupportShop shop;
    SupportMailFixture mail;
    TenantId tenant;

    @BeforeEach
    void setUp() {
        shop = new SupportShop(new Api(port), tenants.create());
        tenant = shop.shop.id();
        mail = new SupportMailFixture(shop, context);
    }

    @AfterEach
    void tearDown() {
        mail.close();
    }

    @Test
    void aMailToTheMailboxAddressBecomesAConversationAndTheCustomersReplyContinuesIt() throws Exception {
        String anna = mail.address("anna");
        String first = "<smtp1-" + mail.tag + "@example.test>";
        send(anna, mail.support, first, null, "Payment", "Which payment methods do you accept?");

        String conversation = awaitConversation(first);
        JsonNode started = shop.get("/v1/support/conversations/" + conversation).json();
        assertThat(started.get("channel").asString()).isEqualTo("email");
        assertThat(started.get("messages").get(0).get("text").asString())
                .isEqualTo("Which payment methods do you accept?");
        MimeMessage answer = mail.awaitMail(anna, 1).getFirst();
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(first);
        assertThat(answer.getFrom()[0].toString()).isEqualTo(mail.support);

        String second = "<smtp2-" + mail.tag + "@example.test>";
        send(
                anna,
                mail.support,
                second,
                answer.getMessageID(),
                "Re: Payment",
                "And PayPal?\n\nOn Tue, 1 Dec 2026, Support wrote:\n> "
                        + SupportMailFixture.text(answer).strip());
        assertThat(awaitConversation(second)).isEqualTo(conversation);
        JsonNode continued =
                shop.get("/v1/support/conversations/" + conversation).json();
        List<String> texts = new ArrayList<>();
        continued
                .get("messages")
                .forEach(message -> texts.add(message.get("text").asString()));
        // a shop without articles hands the first question to an agent; her reply waits for him
        assertThat(texts).hasSize(3).last().isEqualTo("And PayPal?");
        shop.post("/v1/support/conversations/" + conversation + "/agent-replies", "{\"text\":\"Yes, PayPal too.\"}");
        MimeMessage agent = mail.awaitMail(anna, 2).get(1);
        assertThat(agent.getHeader("In-Reply-To", null)).isEqualTo(second);
        assertThat(agent.getHeader("References", null)).contains(first, answer.getMessageID(), second);
        assertThat(SupportSmtp.stored(context, tenant, first)).containsExactly(1, 1);
        assertThat(SupportSmtp.stored(context, tenant, second)).containsExactly(1, 1);
    }

    @Test
    void anUnknownRecipientIs550AndAnOversizedMailIs552() {
        String anna = mail.address("anna");
        assertThatThrownBy(() ->
                        send(anna, "nobody-" + mail.tag + "@shop.test", "<u-" + mail.tag + "@x>", null, "Hi", "hi"))
                .isInstanceOf(MessagingException.class)
                .satisfies(e -> assertThat(chain(e)).contains("550 5.1.1"));
        // the test server takes 256KB
        assertThatThrownBy(() -> send(
                        anna,
                        mail.support,
                        "<big-" + mail.tag + "@x>",
                        null,
                        "Big",
                        "x".repeat(70) + "\n".repeat(0) + ("y".repeat(76) + "\n").repeat(4000)))
                .isInstanceOf(MessagingException.class)
                .satisfies(e -> assertThat(chain(e)).contains("552 5.3.4"));
        assertThat(SupportSmtp.storedIds(context, tenant)).isEmpty();
    }

    @Test
    void theProtocolOverARawSocket() throws Exception {
        String anna = mail.address("anna");
        try (Smtp smtp = new Smtp(SupportSmtp.port(context))) {
            assertThat(smtp.reply()).startsWith("220 ");
            assertThat(smtp.say("MAIL FROM:<" + anna + ">")).startsWith("503 5.5.1");
            assertThat(smtp.say("EHLO raw.test")).contains("250-SIZE 262144", "250-PIPELINING", "250 ");
            assertThat(smtp.say("RCPT TO:<" + mail.support + ">")).startsWith("503 ");
            assertThat(smtp.say("MAIL FROM:<" + anna + "> SIZE=999999999")).startsWith("552 5.3.4");
            assertThat(smtp.say("MAIL FROM:<" + anna + ">")).startsWith("250 ");
            assertThat(smtp.say("RCPT TO:<nobody-" + mail.tag + "@shop.test>")).startsWith("550 5.1.1");
            assertThat(smtp.say("RCPT TO:<" + mail.support.toUpperCase() + ">")).startsWith("250 ");
            assertThat(smtp.say("RSET")).startsWith("250 ");
            assertThat(smtp.say("DATA")).startsWith("503 ");
            assertThat(smtp.say("VRFY anna")).startsWith("252 ");
            assertThat(smtp.say("BOGUS")).startsWith("500 ");
            assertThat(smtp.say("X".repeat(600))).startsWith("500 5.5.2");

            // pipelined: three commands in one write, three replies in order
            smtp.write("MAIL FROM:<" + anna + ">\r\nRCPT TO:<" + mail.support + ">\r\nDATA\r\n");
            assertThat(smtp.reply()).startsWith("250 ");
            assertThat(smtp.reply()).startsWith("250 ");
            assertThat(smtp.reply()).startsWith("354 ");
            String id = "<raw-" + mail.tag + "@example.test>";
            smtp.write("From: " + anna + "\r\nTo: " + mail.support + "\r\nSubject: Dots\r\nMessage-ID: " + id
                    + "\r\n\r\n..hidden starts with a dot\r\nWhich payment methods do you accept?\r\n.\r\n");
            assertThat(smtp.reply()).startsWith("250 2.0.0").contains(id);

            // an oversized message is read to its end and refused; the connection goes on
            smtp.say("MAIL FROM:<" + anna + ">");
            smtp.say("RCPT TO:<" + mail.support + ">");
            assertThat(smtp.say("DATA")).startsWith("354 ");
            smtp.write(("z".repeat(998) + "\r\n").repeat(300) + ".\r\n");
            assertThat(smtp.reply()).startsWith("552 5.3.4");
            assertThat(smtp.say("NOOP")).startsWith("250 ");

            // no Message-ID: one derived from the bytes, the same when the mail is sent again
            for (int i = 0; i < 2; i++) {
                smtp.say("MAIL FROM:<" + anna + ">");
                smtp.say("RCPT TO:<" + mail.support + ">");
                smtp.say("DATA");
                smtp.write("From: " + anna + "\r\nSubject: No id\r\n\r\nDo you ship abroad?\r\n.\r\n");
                assertThat(smtp.reply()).startsWith("250 ").contains("@smtp.hearth.local>");
            }
            assertThat(smtp.say("QUIT")).startsWith("221 ");
            assertThat(smtp.in.readLine()).isNull();

            String conversation = awaitConversation(id);
            String text = shop.get("/v1/support/conversations/" + conversation)
                    .json()
                    .get("messages")
                    .get(0)
                    .get("text")
                    .asString();
            assertThat(text).startsWith(".hidden starts with a dot\n").doesNotContain("..hidden");
            assertThat(SupportSmtp.storedIds(context, tenant))
                    .hasSize(2)
                    .contains(id)
                    .anyMatch(stored -> stored.endsWith("@smtp.hearth.local>"));
        }
    }

    @Test
    void eightSendersOfOneMailStoreItOnceAndItIsAnsweredOnce() throws Exception {
        String bea = mail.address("bea");
        String id = "<parallel-" + mail.tag + "@example.test>";
        int senders = 8;
        CountDownLatch ready = new CountDownLatch(senders);
        List<Future<?>> sent = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            for (int i = 0; i < senders; i++) {
                sent.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    send(bea, mail.support, id, null, "Payment", "Which payment methods do you accept?");
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get(); // each sender heard 250
            }
        }
        String conversation = awaitConversation(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> SupportSmtp.stored(context, tenant, id)[1] == 1);
        assertThat(SupportSmtp.stored(context, tenant, id)).containsExactly(1, 1);
        mail.awaitMail(bea, 1);
        Thread.sleep(1000); // a second answer, were there one, would have had time to arrive
        assertThat(mail.sentTo(bea)).hasSize(1);
        assertThat(shop.get("/v1/support/conversations/" + conversation)
                        .json()
                        .get("messages")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void inboundAddressesAreTheShopsAndMailToOneWithoutAMailboxIsStoredUnanswered() throws Exception {
        SupportShop bare = new SupportShop(shop.api, tenants.create());
        String address = "Care-" + mail.tag + "@Bare.test";
        String path = "/v1/support/admin/inbound-addresses/";
        Api.Response added = bare.api.put(path + address, bearer(bare.shop.adminKey()), "");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("address").asString()).isEqualTo(address.toLowerCase());
        assertThat(bare.api
                        .put(path + address.toLowerCase(), bearer(bare.shop.adminKey()), "")
                        .status())
                .isEqualTo(200);
        Api.Response taken = shop.api.put(path + address, bearer(shop.shop.adminKey()), "");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("inbound-address-taken", "/address");
        // the other shop's mailbox address is its mail: not to be taken over
        Api.Response mailbox = bare.api.put(path + mail.support, bearer(bare.shop.adminKey()), "");
        assertThat(mailbox.status()).isEqualTo(409);
        assertThat(mailbox.body()).contains("inbound-address-taken");
        Api.Response bad = bare.api.put(path + "not-an-address", bearer(bare.shop.adminKey()), "");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("invalid-inbound-address", "/address");
        assertThat(bare.api
                        .put(path + address, bearer(bare.shop.writeKey()), "")
                        .status())
                .isIn(401, 403);
        assertThat(bare.get("/v1/support/admin/inbound-addresses").json().get("addresses"))
                .hasSize(1);
        assertThat(shop.get("/v1/support/admin/inbound-addresses").json().get("addresses"))
                .isEmpty();

        String carl = mail.address("carl");
        String id = "<bare-" + mail.tag + "@example.test>";
        send(carl, address, id, null, "Payment", "Which payment methods do you accept?");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        SupportSmtp.conversationOf(context, bare.shop.id(), id).isPresent());
        String conversation = SupportSmtp.conversationOf(context, bare.shop.id(), id)
                .orElseThrow()
                .toString();
        // answered in Hearth; no mailbox to answer by mail from
        assertThat(bare.get("/v1/support/conversations/" + conversation)
                        .json()
                        .get("messages")
                        .size())
                .isEqualTo(2);
        assertThat(SupportSmtp.conversationOf(context, tenant, id)).isEmpty();

        assertThat(bare.api.delete(path + address, bearer(bare.shop.adminKey())).status())
                .isEqualTo(204);
        assertThat(bare.api.get(path + address, bearer(bare.shop.adminKey())).status())
                .isEqualTo(404);
        assertThatThrownBy(() -> send(carl, address, "<after-" + mail.tag + "@x>", null, "Hi", "hi"))
                .satisfies(e -> assertThat(chain(e)).contains("550"));
        Thread.sleep(500);
        assertThat(mail.sentTo(carl)).isEmpty();
    }

    private String awaitConversation(String messageId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        SupportSmtp.conversationOf(context, tenant, messageId).isPresent());
        return SupportSmtp.conversationOf(context, tenant, messageId)
                .orElseThrow()
                .toString();
    }

    private void send(String from, String to, String messageId, @Nullable String inReplyTo, String subject, String text)
            throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(SupportSmtp.port(context)));
        properties.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(properties);
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mime.setFrom(new InternetAddress(from));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mime.setSubject(subject);
        if (inReplyTo != null) {
            mime.setHeader("In-Reply-To", inReplyTo);
            mime.setHeader("References", inReplyTo);
        }
        mime.setText(text, "UTF-8");
        Transport.send(mime);
    }

    /** The messages of an exception and those it chains, where Jakarta Mail keeps the server's reply. */
    private static String chain(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; ) {
            all.append(t.getMessage()).append('\n');
            t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
        }
        return all.toString();
    }

    /** A sender typing SMTP by hand. */
    private static final class Smtp implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Smtp(int port) throws Exception {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
        }

        void write(String text) throws Exception {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** One whole reply, its lines joined by newlines. */
        String reply() throws Exception {
            StringBuilder reply = new StringBuilder();
            String line;
            do {
                line = in.readLine();
                assertThat(line).as("a reply").isNotNull();
                reply.append(line).append('\n');
            } while (line.length() > 3 && line.charAt(3) == '-');
            return reply.toString();
        }

        String say(String command) throws Exception {
            write(command + "\r\n");
            return reply();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
