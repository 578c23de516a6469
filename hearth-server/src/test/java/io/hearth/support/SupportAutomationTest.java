package io.hearth.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.RecordedDecision;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The assistant answers from the shop's own orders, policy and articles, and logs every answer. */
@HearthTest
class SupportAutomationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    PrivacyManagement privacy;

    SupportShop shop;

    @BeforeEach
    void setUp() {
        shop = new SupportShop(new Api(port), tenants.create());
    }

    @Test
    void orderStatusCancelReturnAndRefundAreAnsweredFromTheCustomersOrders() {
        String customer = shop.annaWithOrders();
        String conversation = shop.start("anna");

        JsonNode status = shop.say(conversation, "where is my order 10002");
        assertThat(status.get("automation").asString()).isEqualTo("order_status");
        assertThat(text(status)).contains("10002").contains("delivered");
        assertThat(status.get("customerMessage").get("orderNumbers").get(0).asString())
                .isEqualTo("10002");

        JsonNode cancel = shop.say(conversation, "please cancel order 10001");
        assertThat(cancel.get("automation").asString()).isEqualTo("cancel_order");
        assertThat(text(cancel)).contains("asked for order 10001 to be cancelled");

        JsonNode tooLate = shop.say(conversation, "I want to cancel order 10002");
        assertThat(text(tooLate)).contains("already shipped");

        JsonNode giftCard = shop.say(conversation, "can I return the gift card from order 10002");
        assertThat(text(giftCard)).contains("cannot be returned");

        JsonNode start = shop.say(conversation, "I want to return order 10002");
        assertThat(start.get("automation").asString()).isEqualTo("return_request");
        assertThat(text(start)).contains("started a return for order 10002");

        JsonNode refund = shop.say(conversation, "where is my refund for 10003");
        assertThat(refund.get("automation").asString()).isEqualTo("refund_status");
        assertThat(text(refund)).contains("10003 was refunded on");
        assertThat(refund.get("conversation").get("state").asString()).isEqualTo("ASSISTANT");

        List<RecordedDecision> decisions = privacy.decisions(shop.shop.id(), CustomerId.of(customer), 100, null)
                .decisions();
        assertThat(decisions).extracting(RecordedDecision::outcome).contains("cancel:10001", "return:10002");
        assertThat(decisions).extracting(RecordedDecision::type).contains("support.answered", "support.action");
        // Loyalty logs its own decisions about the same orders; support's are the six answers above.
        assertThat(decisions)
                .filteredOn(decision -> decision.type().startsWith("support."))
                .hasSize(6);
    }

    @Test
    void aQuestionOnlyTheHelpCentreAnswersIsAnsweredByQuotingTheBestPassageWithItsSource() {
        Api.Response saved = shop.api.put(
                "/v1/support/admin/articles/shipping", io.hearth.testing.Api.bearer(shop.shop.adminKey()), """
                {"title":"Shipping","source":"https://shop.example/help/shipping","format":"markdown",
                 "body":"# Shipping\\n\\n## Delivery times\\n\\nStandard delivery takes 2 to 4 working days within Germany and 5 to 8 days to the rest of Europe.\\n\\n## Payment\\n\\nWe accept Visa, Mastercard, PayPal and Klarna."}
                """);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        String conversation = shop.start(null);

        JsonNode answer = shop.say(conversation, "how many days does shipping to Germany take");

        assertThat(answer.get("automation").asString()).isEqualTo("knowledge");
        assertThat(text(answer)).contains("2 to 4 working days").contains("https://shop.example/help/shipping");
    }

    @Test
    void aCustomerHearthDoesNotKnowIsAskedForTheirAccountAndTwoMissesGoToAnAgent() {
        String conversation = shop.start("nobody");

        JsonNode first = shop.say(conversation, "where is my order");
        assertThat(text(first)).contains("sign in to your account");
        assertThat(first.get("conversation").get("state").asString()).isEqualTo("ASSISTANT");

        JsonNode second = shop.say(conversation, "where is my order 55102");
        assertThat(second.get("escalation").asString()).isEqualTo("REPEATED_FAILURE");
        assertThat(second.get("conversation").get("state").asString()).isEqualTo("ESCALATED");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String conversation = shop.start(null);

        Api.Response blank = shop.post("/v1/support/conversations/" + conversation + "/messages", "{\"text\":\" \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("support.invalid-message").contains("/text");

        Api.Response unknown = shop.post(
                "/v1/support/conversations/00000000-0000-0000-0000-000000000000/messages", "{\"text\":\"hi\"}");
        assertThat(unknown.status()).isEqualTo(404);

        Api.Response policy = shop.api.put(
                "/v1/support/admin/policy",
                io.hearth.testing.Api.bearer(shop.shop.adminKey()),
                "{\"returnWindowDays\":-3,\"maxFailures\":2,\"negativeSentiment\":-0.5}");
        assertThat(policy.status()).isEqualTo(400);
        assertThat(policy.body()).contains("/returnWindowDays");
    }

    private static String text(JsonNode reply) {
        return reply.get("answer").get("text").asString();
    }
}
