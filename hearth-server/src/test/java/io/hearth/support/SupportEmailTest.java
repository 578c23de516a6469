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
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Support by email end to end: customers write to a real IMAP mailbox (GreenMail), Hearth polls it,
 * threads the mails into conversations by Message-ID and answers over real SMTP in the same thread.
 */
@HearthTest
class SupportEmailTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ApplicationContext context;

    SupportShop shop;
    GreenMail imap;
    GreenMailUser mailbox;
    String support;
    String anna;

    @BeforeEach
    void setUp() {
        shop = new SupportShop(new Api(port), tenants.create());
        // one GreenMail: the shop's IMAP mailbox, and the relay the replies go through
        imap = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort(),
            new ServerSetup(SupportMailRelay.port(context), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
        });
        imap.start();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        support = "support-" + tag + "@shop.test";
        anna = "anna-" + tag + "@example.test";
        mailbox = imap.setUser(support, "support-" + tag, "secret");
        String saved = shop.api
                .put(
                        "/v1/support/admin/mailbox",
                        bearer(shop.shop.adminKey()),
                        "{\"host\":\"127.0.0.1\",\"port\":" + imapPort() + ",\"ssl\":false,\"username\":\"support-"
                                + tag + "\",\"password\":\"secret\",\"address\":\"" + support + "\"}")
                .body();
        assertThat(saved).contains(support).doesNotContain("secret");
    }

    @AfterEach
    void tearDown() {
        imap.stop();
    }

    @Test
    void aCustomerMailIsAnsweredInItsThreadAndHerReplyContinuesTheConversationUpToAnAgent() throws Exception {
        shop.annaWithOrders();
        identify("anna", anna);
        deliver("<first-" + anna + ">", null, "Where is my parcel?", "Hi, where is my order 10002?\n\nThanks, Anna");

        JsonNode poll = poll();
        assertThat(poll.get("received").asInt()).isEqualTo(1);
        String conversation = poll.get("conversations").get(0).asString();
        MimeMessage answer = awaitMail(1).get(0);
        assertThat(answer.getSubject()).isEqualTo("Re: Where is my parcel?");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo("<first-" + anna + ">");
        assertThat(answer.getFrom()[0].toString()).isEqualTo(support);
        assertThat(answer.getContent().toString()).contains("10002").containsIgnoringCase("delivered");
        JsonNode started = shop.get("/v1/support/conversations/" + conversation).json();
        assertThat(started.get("channel").asString()).isEqualTo("email");
        assertThat(started.get("customerId").asString()).isEqualTo(shop.customerId("anna"));

        deliver(
                "<second-" + anna + ">",
                answer.getMessageID(),
                "Re: Where is my parcel?",
                "It never arrived. I want to talk to a human.\n\nOn Tue, 1 Dec 2026, Support wrote:\n> "
                        + answer.getContent().toString().strip().replace("\n", "\n> "));
        JsonNode second = poll();
        assertThat(second.get("conversations").get(0).asString()).isEqualTo(conversation);
        JsonNode escalated =
                shop.get("/v1/support/conversations/" + conversation).json();
        assertThat(escalated.get("state").asString()).isEqualTo("ESCALATED");
        JsonNode customerSaid = escalated.get("messages").get(2);
        assertThat(customerSaid.get("text").asString()).isEqualTo("It never arrived. I want to talk to a human.");
        MimeMessage handover = awaitMail(2).get(1);
        assertThat(handover.getHeader("In-Reply-To", null)).isEqualTo("<second-" + anna + ">");
        assertThat(handover.getHeader("References", null))
                .contains("<first-" + anna + ">", answer.getMessageID(), "<second-" + anna + ">");

        shop.post("/v1/support/conversations/" + conversation + "/notes", "{\"text\":\"courier claim opened\"}");
        shop.post("/v1/support/conversations/" + conversation + "/agent-replies", "{\"text\":\"Hi Anna, Sam here.\"}");
        MimeMessage agent = awaitMail(3).get(2);
        assertThat(agent.getContent().toString()).contains("Sam here").doesNotContain("courier claim");
        assertThat(agent.getHeader("Auto-Submitted", null)).isNull();
        assertThat(handover.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");

        assertThat(poll().get("received").asInt()).isZero();
        assertThat(sentTo(anna)).hasSize(3);
    }

    @Test
    void aMailAfterTheConversationWasResolvedStartsANewOneAndAStrangerGetsAnAnswerToo() throws Exception {
        String stranger = "stranger-" + UUID.randomUUID() + "@example.test";
        deliver("<s1-" + stranger + ">", null, "Payment", "Which payment methods do you accept?", stranger);
        String first = poll().get("conversations").get(0).asString();
        JsonNode unknown = shop.get("/v1/support/conversations/" + first).json().path("customerId");
        assertThat(unknown.isNull() || unknown.isMissingNode())
                .as("no customer")
                .isTrue();
        shop.post("/v1/support/conversations/" + first + "/resolve", "{}");

        deliver("<s2-" + stranger + ">", "<s1-" + stranger + ">", "Re: Payment", "And PayPal?", stranger);
        String second = poll().get("conversations").get(0).asString();

        assertThat(second).isNotEqualTo(first);
        // the first answer, the CSAT question at resolving (not answered with a digit), the second answer
        await().atMost(Duration.ofSeconds(20)).until(() -> sentTo(stranger).size() == 3);
    }

    @Test
    void badSettingsNameTheFieldAndAnUnreachableServerIsABadGateway() {
        Api.Response bad = shop.api.put(
                "/v1/support/admin/mailbox",
                bearer(shop.shop.adminKey()),
                "{\"host\":\"\",\"port\":70000,\"username\":\"u\",\"password\":\"p\",\"address\":\"not an address\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("/host", "/port", "/address").doesNotContain("/username");

        imap.stop();
        Api.Response unreachable = shop.api.post("/v1/support/admin/mailbox/poll", bearer(shop.shop.adminKey()), "{}");
        assertThat(unreachable.status()).isEqualTo(502);
        assertThat(unreachable.body()).contains("mailbox-unreachable");
    }

    private int imapPort() {
        return imap.getImap().getPort();
    }

    private JsonNode poll() {
        Api.Response poll = shop.api.post("/v1/support/admin/mailbox/poll", bearer(shop.shop.adminKey()), "{}");
        assertThat(poll.status()).as(poll.body()).isEqualTo(200);
        return poll.json();
    }

    private void deliver(String messageId, String inReplyTo, String subject, String text) throws Exception {
        deliver(messageId, inReplyTo, subject, text, anna);
    }

    private void deliver(String messageId, String inReplyTo, String subject, String text, String from)
            throws Exception {
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
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

    private List<MimeMessage> awaitMail(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sentTo(anna).size() >= count);
        return sentTo(anna);
    }

    private List<MimeMessage> sentTo(String recipient) {
        List<MimeMessage> sent = new ArrayList<>();
        for (MimeMessage message : imap.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equalsIgnoreCase(recipient)) {
                    sent.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return sent;
    }

    private void identify(String user, String email) {
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
}
