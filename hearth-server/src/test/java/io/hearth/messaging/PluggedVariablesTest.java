package io.hearth.messaging;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.predictions.PredictionManagement;
import io.hearth.privacy.Channel;
import io.hearth.privacy.Purpose;
import io.hearth.recommendations.RecommendationManagement;
import io.hearth.recommendations.RecommendedItem;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MailInbox;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The loyalty and predictions template variables, read from the real ledger and scores. */
@HearthTest
class PluggedVariablesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    MailInbox inbox;

    @Autowired
    MessagingManagement messaging;

    @Autowired
    LoyaltyManagement loyalty;

    @Autowired
    PredictionManagement predictions;

    @Autowired
    RecommendationManagement recommendations;

    Api api;
    TestTenant shop;

    @BeforeEach
    void aShop() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void aTemplateUsingTheLoyaltyBalanceRendersTheMembersRealPoints() throws Exception {
        assertThat(api.put("/v1/templates/points", bearer(shop.adminKey()), """
                        {"locales": {"en": {"subject": "You have {{ loyalty.balance }} points",
                          "text": "Pending: {{ loyalty.pending }}. Tier: {{ loyalty.tier | default: 'none' }}."}}}
                        """).status())
                .isEqualTo(200);
        String email = "mia-" + shop.id().value() + "@example.com";
        CustomerId mia = customers.identify(api, shop, "mia", "\"email\":\"" + email + "\"");
        customers.optIn(shop, mia, Channel.EMAIL);
        loyalty.adjust(shop.id(), mia, 137, "welcome", "test", new Idempotency("welcome-mia", "137"));

        SentMessage sent = messaging.send(
                shop.id(),
                new SendRequest(
                        mia, "points", MessageChannel.EMAIL, Purpose.MARKETING, "p-1", Attribution.NONE, Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox.to(email).size() == 1);

        assertThat(sent.status()).as(String.valueOf(sent.reason())).isNotEqualTo(MessageStatus.FAILED);
        assertThat(inbox.to(email).getFirst().getSubject()).isEqualTo("You have 137 points");
        assertThat(MessagingTest.part(inbox.to(email).getFirst(), "text/plain")).contains("Pending: 0. Tier: none.");
    }

    @Test
    void aTemplateUsingPredictionsRendersTheServedChurnRisk() {
        assertThat(api.put("/v1/templates/risk", bearer(shop.adminKey()), """
                        {"locales": {"en": {"subject": "Risk {{ predictions.churn_risk }}",
                          "text": "Health {{ predictions.health }}, next {{ predictions.next_purchase | default: 'unknown' }}"}}}
                        """).status())
                .isEqualTo(200);
        CustomerId ned = customers.identify(api, shop, "ned", "\"email\":\"ned@example.com\"");

        RenderedMessage preview = messaging.preview(shop.id(), "risk", ned, null, Map.of());

        double risk = predictions.forCustomer(shop.id(), ned).churnRisk().value();
        System.out.println("rendered for ned: " + preview.subject());
        assertThat(Double.parseDouble(preview.subject().substring("Risk ".length())))
                .isCloseTo(risk, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(preview.text()).as("no orders: no next purchase").endsWith("next unknown");
    }

    @Test
    void aTemplateListingRecommendationsRendersTheCustomersSlateWithCatalogPricesAndLinks() throws Exception {
        api.post("/v1/products", bearer(shop.adminKey()), """
                {"products": [
                  {"productId": "beans", "name": "Espresso beans", "category": "coffee", "price": 12.50, "currency": "EUR",
                   "url": "https://shop.example/p/beans"},
                  {"productId": "mug", "name": "Stoneware mug", "category": "kitchen", "price": 29.95, "currency": "EUR",
                   "url": "https://shop.example/p/mug"},
                  {"productId": "kettle", "name": "Gooseneck kettle", "category": "kitchen", "price": 64.00, "currency": "EUR",
                   "url": "https://shop.example/p/kettle"}]}""");
        api.post(
                "/v1/batch",
                Api.basic(shop.writeKey()),
                "{\"batch\": [" + order("buyer-1", "beans", "12.50") + "," + order("buyer-2", "mug", "29.95") + ","
                        + order("buyer-3", "kettle", "64.00") + "]}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> recommendations.currentModel(shop.id()).items() == 3);
        assertThat(api.put("/v1/templates/picks", bearer(shop.adminKey()), """
                        {"locales": {"en": {"subject": "Picked for you",
                          "html": "<ul>{% for p in recommendations %}<li><a href=\\"{{ p.url }}?rec={{ p.recommendation_id }}\\">{{ p.title }}</a> {{ p.price }} {{ p.currency }}</li>{% endfor %}</ul>",
                          "text": "{% for p in recommendations %}{{ p.title }} {{ p.price }} {{ p.currency }}\\n{% endfor %}"}}}
                        """).status())
                .isEqualTo(200);
        String email = "lea-" + shop.id().value() + "@example.com";
        CustomerId lea = customers.identify(api, shop, "lea", "\"email\":\"" + email + "\"");
        customers.optIn(shop, lea, Channel.EMAIL);
        List<String> expected = recommendations.preview(shop.id(), lea, 4).items().stream()
                .map(RecommendedItem::name)
                .toList();

        RenderedMessage preview = messaging.preview(shop.id(), "picks", lea, null, Map.of());
        SentMessage sent = messaging.send(
                shop.id(),
                new SendRequest(
                        lea, "picks", MessageChannel.EMAIL, Purpose.MARKETING, "picks-1", Attribution.NONE, Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox.to(email).size() == 1);
        String text = MessagingTest.part(inbox.to(email).getFirst(), "text/plain");
        String html = MessagingTest.part(inbox.to(email).getFirst(), "text/html");

        assertThat(expected).isNotEmpty();
        assertThat(sent.status()).as(String.valueOf(sent.reason())).isEqualTo(MessageStatus.SENT);
        assertThat(preview.text()).contains(expected);
        assertThat(text).contains(expected).contains("Stoneware mug 29.95 EUR");
        assertThat(html)
                .as("product links are click-tracked")
                .contains("/v1/t/c/")
                .contains("shop.example%2Fp%2Fmug");
    }

    private static String order(String userId, String product, String price) {
        return """
                {"type": "track", "userId": "%s", "event": "Order Completed", "messageId": "%s",
                 "properties": {"order_id": "%s", "currency": "EUR",
                   "products": [{"product_id": "%s", "price": %s, "quantity": 1}]}}""".formatted(userId, UUID.randomUUID(), UUID.randomUUID(), product, price);
    }
}
