package io.hearth.support;

import static io.hearth.testing.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MutableClock;
import io.hearth.testing.TestTenants;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * One customer's threads across channels, end to end over real IMAP and SMTP (GreenMail): a chat
 * continued by email keeps its history and her mailed answer lands in it; a new mail of hers joins
 * her open chat of the last days; the agent sees her other conversations.
 */
@HearthTest
class SupportCrossChannelTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    SupportShop shop;
    SupportMailFixture mail;
    String anna;

    @BeforeEach
    void setUp() {
        shop = new SupportShop(new Api(port), tenants.create());
        mail = new SupportMailFixture(shop, context);
        anna = mail.address("anna");
    }

    @AfterEach
    void tearDown() {
        mail.close();
        clock.reset();
    }

    @Test
    void aChatContinuedByEmailCarriesItsHistoryAndHerMailedReplyLandsInTheSameConversation() throws Exception {
        shop.annaWithOrders();
        mail.identify("anna", anna);
        String chat = shop.start("anna");
        shop.say(chat, "where is my order 10002");
        shop.say(chat, "I want to talk to a human");
        shop.post("/v1/support/conversations/" + chat + "/notes", "{\"text\":\"check the courier first\"}");

        Api.Response moved = shop.post(
                "/v1/support/admin/conversations/" + chat + "/continue-by-email",
                "{\"text\":\"Hi Anna, Sam here. Could you send a photo of the label?\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        MimeMessage continued = mail.awaitMail(anna, 1).getFirst();
        String body = SupportMailFixture.text(continued);
        assertThat(continued.getFrom()[0].toString()).isEqualTo(mail.support);
        assertThat(body)
                .startsWith("Hi Anna, Sam here.")
                .contains("where is my order 10002", "delivered", "I want to talk to a human")
                .doesNotContain("courier first");
        assertThat(continued.getHeader("Auto-Submitted", null)).isNull();

        mail.deliver(
                anna,
                "<photo-" + anna + ">",
                continued.getMessageID(),
                "Re: " + continued.getSubject(),
                "Here is the label, the parcel never came.\n\nOn Wed, Support wrote:\n> " + body.replace("\n", "\n> "));
        JsonNode poll = mail.poll();
        assertThat(poll.get("conversations").get(0).asString()).isEqualTo(chat);

        JsonNode conversation = shop.get("/v1/support/conversations/" + chat).json();
        assertThat(conversation.get("channel").asString()).isEqualTo("chat");
        assertThat(conversation.get("state").asString()).isEqualTo("ESCALATED");
        JsonNode messages = conversation.get("messages");
        assertThat(messages.get(messages.size() - 1).get("text").asString())
                .isEqualTo("Here is the label, the parcel never came.");
        assertThat(messages.get(0).get("text").asString()).isEqualTo("where is my order 10002");

        shop.post(
                "/v1/support/conversations/" + chat + "/agent-replies",
                "{\"text\":\"Thanks, a new parcel is on its way.\"}");
        MimeMessage agent = mail.awaitMail(anna, 2).get(1);
        assertThat(agent.getHeader("In-Reply-To", null)).isEqualTo("<photo-" + anna + ">");
        assertThat(agent.getHeader("References", null)).contains(continued.getMessageID());
        assertThat(SupportMailFixture.text(agent)).contains("new parcel");
    }

    @Test
    void herNewMailJoinsHerOpenChatOfTheLastDaysAndTheAgentSeesHerOtherThreads() throws Exception {
        shop.annaWithOrders();
        mail.identify("anna", anna);
        String chat = shop.start("anna");
        shop.say(chat, "where is my order 10002");

        mail.deliver(anna, "<fresh-" + anna + ">", null, "My order", "where is my order 10001");
        assertThat(mail.poll().get("conversations").get(0).asString()).isEqualTo(chat);
        MimeMessage answer = mail.awaitMail(anna, 1).getFirst();
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo("<fresh-" + anna + ">");
        assertThat(SupportMailFixture.text(answer)).contains("10001");
        JsonNode messages = shop.get("/v1/support/conversations/" + chat).json().get("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(2).get("text").asString()).isEqualTo("where is my order 10001");

        // four days later the chat is no longer "recent": her next new mail starts its own conversation
        clock.advance(Duration.ofDays(4));
        mail.deliver(anna, "<later-" + anna + ">", null, "Invoice", "Where can I get my invoice?");
        String later = mail.poll().get("conversations").get(0).asString();
        assertThat(later).isNotEqualTo(chat);
        assertThat(shop.get("/v1/support/conversations/" + later)
                        .json()
                        .get("channel")
                        .asString())
                .isEqualTo("email");

        JsonNode linked = shop.get("/v1/support/conversations/" + later + "/linked")
                .json()
                .get("data");
        assertThat(linked).hasSize(1);
        assertThat(linked.get(0).get("conversationId").asString()).isEqualTo(chat);
        assertThat(linked.get(0).get("channel").asString()).isEqualTo("chat");
        List<String> texts = linked.get(0)
                .get("messages")
                .valueStream()
                .map(m -> m.get("text").asString())
                .toList();
        assertThat(texts).contains("where is my order 10002", "where is my order 10001");
        JsonNode inContext = shop.get("/v1/support/conversations/" + later + "/context")
                .json()
                .get("linkedConversations");
        assertThat(inContext).hasSize(1);
        assertThat(inContext.get(0).get("conversationId").asString()).isEqualTo(chat);
        assertThat(inContext.get(0).get("messages"))
                .hasSize(linked.get(0).get("messages").size());
        assertThat(shop.get("/v1/support/conversations/" + chat + "/linked")
                        .json()
                        .get("data")
                        .get(0)
                        .get("conversationId")
                        .asString())
                .isEqualTo(later);

        Api.Response fromBrowser =
                shop.api.get("/v1/support/conversations/" + chat + "/linked", basic(shop.shop.writeKey()));
        assertThat(fromBrowser.status()).isEqualTo(403);
    }

    @Test
    void aStrangersMailStartsItsOwnConversationAndAnAnonymousChatCannotMoveToEmail() throws Exception {
        String open = shop.start(null);
        shop.say(open, "which payment methods do you accept");
        String stranger = mail.address("stranger");
        mail.deliver(stranger, "<s-" + stranger + ">", null, "Payment", "Do you take PayPal?");
        String conversation = mail.poll().get("conversations").get(0).asString();
        assertThat(conversation).isNotEqualTo(open);

        Api.Response refused = shop.post("/v1/support/admin/conversations/" + open + "/continue-by-email", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("support.no-customer-email");
        Api.Response fromBrowser = shop.api.post(
                "/v1/support/admin/conversations/" + open + "/continue-by-email", basic(shop.shop.writeKey()), "{}");
        assertThat(fromBrowser.status()).isIn(401, 403);
    }
}
