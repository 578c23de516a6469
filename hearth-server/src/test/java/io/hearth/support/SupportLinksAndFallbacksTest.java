package io.hearth.support;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.RecordedDecision;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.SupportEventsRecorder;
import io.hearth.testing.TestTenants;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The paths the other support tests leave out: the invoice and account-help links from the policy,
 * an address change before and after fulfilment, and the two escalations when the assistant cannot
 * automate and has no article to quote (LOW_CONFIDENCE under the shop's floor, OUT_OF_SCOPE by the
 * model's tuned threshold).
 */
@HearthTest
class SupportLinksAndFallbacksTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    PrivacyManagement privacy;

    @Autowired
    SupportEventsRecorder events;

    SupportShop shop;

    @BeforeEach
    void setUp() {
        shop = new SupportShop(new Api(port), tenants.create());
    }

    @Test
    void invoiceAndAccountHelpAnswerWithTheShopsOwnLinksAndAreLogged() {
        String customer = shop.annaWithOrders();
        policy("{\"returnWindowDays\":30,\"negativeSentiment\":-0.5,\"maxFailures\":2,"
                + "\"invoiceUrl\":\"https://shop.example/account/invoices\","
                + "\"accountHelpUrl\":\"https://shop.example/account/reset\"}");
        String conversation = shop.start("anna");

        JsonNode invoice = shop.say(conversation, "could you send me the invoice for my order");
        JsonNode account = shop.say(conversation, "I cannot log in, I forgot my password");

        assertThat(invoice.get("automation").asString()).isEqualTo("invoice");
        assertThat(text(invoice)).contains("https://shop.example/account/invoices");
        assertThat(account.get("automation").asString()).isEqualTo("account_help");
        assertThat(text(account)).contains("https://shop.example/account/reset");
        assertThat(account.get("conversation").get("state").asString()).isEqualTo("ASSISTANT");
        assertThat(supportDecisions(customer))
                .extracting(RecordedDecision::outcome)
                .containsExactlyInAnyOrder("invoice", "account_help");
    }

    @Test
    void anAddressChangeIsRequestedBeforeFulfilmentAndExplainedAfterIt() {
        String customer = shop.annaWithOrders();
        String conversation = shop.start("anna");

        JsonNode open = shop.say(conversation, "I need to change the shipping address of order 10001");
        JsonNode delivered = shop.say(conversation, "can I change the delivery address of order 10002");

        assertThat(open.get("automation").asString()).isEqualTo("change_address");
        assertThat(text(open)).contains("10001", "asked for the address to be changed");
        assertThat(delivered.get("automation").asString()).isEqualTo("change_address");
        assertThat(text(delivered)).contains("10002", "can no longer change");
        assertThat(events.of(shop.shop.id(), SupportActionRequested.class))
                .extracting(SupportActionRequested::orderId, SupportActionRequested::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10001", "change_address"));
        assertThat(supportDecisions(customer))
                .extracting(RecordedDecision::outcome)
                .contains("change_address:10001");
    }

    @Test
    void belowTheShopsConfidenceFloorWithNoArticleTheConversationGoesToAnAgentForLowConfidence() {
        // a floor of 1.0 leaves every calibrated confidence below it, and the message is plainly in scope
        policy("{\"returnWindowDays\":30,\"negativeSentiment\":-0.5,\"maxFailures\":2,\"minConfidence\":1.0}");
        String conversation = shop.start(null);

        JsonNode reply = shop.say(conversation, "where is my order 10002");

        assertThat(reply.get("customerMessage").get("intent").asString()).isEqualTo("order_status");
        assertThat(reply.get("escalation").asString()).isEqualTo("LOW_CONFIDENCE");
        assertThat(reply.has("automation")).isFalse();
        assertThat(reply.get("conversation").get("state").asString()).isEqualTo("ESCALATED");
        assertThat(events.of(shop.shop.id(), SupportEscalated.class))
                .extracting(SupportEscalated::reason)
                .containsExactly(EscalationReason.LOW_CONFIDENCE);
    }

    @Test
    void aMessageTheModelRefusesWithNoArticleToQuoteGoesToAnAgentAsOutOfScope() {
        String conversation = shop.start(null);

        JsonNode reply = shop.say(conversation, "what is the capital city of mongolia");

        assertThat(reply.get("escalation").asString()).isEqualTo("OUT_OF_SCOPE");
        assertThat(text(reply)).contains("colleague");
        assertThat(reply.get("conversation").get("escalationReason").asString()).isEqualTo("OUT_OF_SCOPE");
        JsonNode metrics = shop.get("/v1/support/metrics").json();
        assertThat(metrics.get("escalationRateByReason").get("OUT_OF_SCOPE").asDouble())
                .isEqualTo(1.0);
    }

    private List<RecordedDecision> supportDecisions(String customer) {
        return privacy.decisions(shop.shop.id(), CustomerId.of(customer), 100, null).decisions().stream()
                .filter(decision -> decision.type().startsWith("support."))
                .toList();
    }

    private void policy(String json) {
        Api.Response saved = shop.api.put("/v1/support/admin/policy", bearer(shop.shop.adminKey()), json);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private static String text(JsonNode reply) {
        return reply.get("answer").get("text").asString();
    }
}
