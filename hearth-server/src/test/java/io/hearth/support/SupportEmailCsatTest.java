package io.hearth.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * CSAT by email over real IMAP and SMTP (GreenMail): resolving an email conversation mails the 1–5
 * question in its thread, and the customer's digit reply rates it; any other reply is a new matter.
 */
@HearthTest
class SupportEmailCsatTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ApplicationContext context;

    SupportShop shop;
    SupportMailFixture mail;

    @BeforeEach
    void setUp() {
        shop = new SupportShop(new Api(port), tenants.create());
        mail = new SupportMailFixture(shop, context);
    }

    @AfterEach
    void tearDown() {
        mail.close();
    }

    @Test
    void resolvingAnEmailConversationAsksForTheRatingAndADigitReplyRecordsIt() throws Exception {
        String bea = mail.address("bea");
        String conversation = write(bea, "<q-" + bea + ">", "Which payment methods do you accept?");
        MimeMessage answer = mail.awaitMail(bea, 1).getFirst();

        shop.post("/v1/support/conversations/" + conversation + "/resolve", "{}");
        MimeMessage question = mail.awaitMail(bea, 2).get(1);
        assertThat(SupportMailFixture.text(question)).contains("1 (very poor)", "5 (very good)");
        assertThat(question.getHeader("In-Reply-To", null)).isEqualTo("<q-" + bea + ">");
        assertThat(question.getHeader("References", null)).contains(answer.getMessageID());
        assertThat(question.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");

        mail.deliver(
                bea,
                "<r-" + bea + ">",
                question.getMessageID(),
                "Re: " + question.getSubject(),
                "4/5\n\nOn Wed, Support wrote:\n> How did we do?");
        JsonNode poll = mail.poll();
        assertThat(poll.get("conversations").get(0).asString()).isEqualTo(conversation);
        JsonNode rated = shop.get("/v1/support/conversations/" + conversation).json();
        assertThat(rated.get("csat").asInt()).isEqualTo(4);
        assertThat(rated.get("state").asString()).isEqualTo("RESOLVED");
        assertThat(rated.get("messages")).hasSize(2); // the rating is not a message to answer
        assertThat(mail.sentTo(bea)).hasSize(2); // and nothing answers it

        JsonNode metrics = shop.get("/v1/support/metrics").json();
        assertThat(metrics.get("rated").asInt()).isEqualTo(1);
        assertThat(metrics.get("averageCsat").asDouble()).isEqualTo(4.0);

        // a second digit does not change the first answer
        mail.deliver(bea, "<r2-" + bea + ">", question.getMessageID(), "Re: " + question.getSubject(), "1");
        mail.poll();
        assertThat(shop.get("/v1/support/conversations/" + conversation)
                        .json()
                        .get("csat")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void aReplyToTheQuestionThatIsNoDigitStartsANewConversationAndARatedOneIsNotAsked() throws Exception {
        String cleo = mail.address("cleo");
        String conversation = write(cleo, "<q-" + cleo + ">", "Which payment methods do you accept?");
        mail.awaitMail(cleo, 1);
        shop.post("/v1/support/conversations/" + conversation + "/resolve", "{}");
        MimeMessage question = mail.awaitMail(cleo, 2).get(1);

        mail.deliver(
                cleo,
                "<n-" + cleo + ">",
                question.getMessageID(),
                "Re: " + question.getSubject(),
                "2 more things: do you ship to Austria?");
        String next = mail.poll().get("conversations").get(0).asString();
        assertThat(next).isNotEqualTo(conversation);
        JsonNode first = shop.get("/v1/support/conversations/" + conversation).json();
        assertThat(first.path("csat").isNull() || first.path("csat").isMissingNode())
                .as("no rating")
                .isTrue();

        // rated through the API (the widget's way), the conversation gets no question by mail
        int before = mail.awaitMail(cleo, 3).size();
        assertThat(shop.post("/v1/support/conversations/" + next + "/csat", "{\"score\":5}")
                        .status())
                .isEqualTo(200);
        assertThat(mail.sentTo(cleo)).hasSize(before);

        // a chat without mail gets no question either, and resolving it still works
        String chat = shop.start(null);
        shop.say(chat, "which payment methods do you accept");
        assertThat(shop.post("/v1/support/conversations/" + chat + "/resolve", "{}")
                        .status())
                .isEqualTo(200);
    }

    private String write(String from, String messageId, String text) throws Exception {
        mail.deliver(from, messageId, null, "Question", text);
        return mail.poll().get("conversations").get(0).asString();
    }
}
