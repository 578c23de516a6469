package io.hearth.messaging;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.predictions.PredictionManagement;
import io.hearth.privacy.Channel;
import io.hearth.privacy.Purpose;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MailInbox;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.Map;
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
}
