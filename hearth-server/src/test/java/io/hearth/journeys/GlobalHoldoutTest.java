package io.hearth.journeys;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.Channel;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MailInbox;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The global holdout end to end, with 30 % of customers held out: they get no marketing message from
 * any journey (a transactional receipt still reaches them), every other consenting customer does, and
 * their orders are the control both of each journey's conversion figures and of the tenant-wide
 * report that measures all journeys together.
 */
@HearthTest
class GlobalHoldoutTest {

    static final int CUSTOMERS = 40;

    @DynamicPropertySource
    static void holdOutThirtyPercent(DynamicPropertyRegistry registry) {
        registry.add("hearth.journeys.global-holdout-percent", () -> "30");
    }

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    MailInbox inbox;

    @Autowired
    JourneyManagement journeys;

    @Test
    void heldOutCustomersGetNoMarketingAndTheirOrdersAreTheControl() throws Exception {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        publishJourneys(api, shop);
        for (int i = 0; i < CUSTOMERS; i++) {
            signUp(api, shop, "member-" + i);
        }
        await().atMost(Duration.ofSeconds(120))
                .alias("every welcome run sent or was held out")
                .until(
                        () -> journeys.stats(shop.id(), "welcome"),
                        stats -> stats.total("sent") + stats.total("suppressed", "global-holdout") == CUSTOMERS);
        List<Integer> heldOut = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            if (subjects(shop, "member-" + i).isEmpty()) {
                heldOut.add(i);
            }
        }

        // Every other customer orders, held out or not; held-out buyers still get their receipt.
        int treatedOrders = 0;
        int controlOrders = 0;
        for (int i = 0; i < CUSTOMERS; i += 2) {
            customers.placeOrder(api, shop, "member-" + i, "G-" + i, "20");
            treatedOrders += heldOut.contains(i) ? 0 : 1;
            controlOrders += heldOut.contains(i) ? 1 : 0;
        }
        int orders = treatedOrders + controlOrders;
        await().atMost(Duration.ofSeconds(60))
                .alias("every order converted its customer")
                .until(
                        () -> journeys.globalHoldout(shop.id()).conversion(),
                        conversion -> conversion.treated().converted()
                                        + conversion.control().converted()
                                == orders);
        await().atMost(Duration.ofSeconds(60))
                .alias("every buyer got a receipt")
                .until(() -> receipts(shop) == orders);

        JourneyStats welcome = journeys.stats(shop.id(), "welcome");
        GlobalHoldout global = journeys.globalHoldout(shop.id());
        JsonNode answer =
                api.get("/v1/journeys/holdout/global", bearer(shop.adminKey())).json();
        assertThat(heldOut).isNotEmpty().hasSizeLessThan(CUSTOMERS);
        assertThat(welcome.total("suppressed", "global-holdout")).isEqualTo(heldOut.size());
        for (int i : heldOut) {
            assertThat(subjects(shop, "member-" + i))
                    .as("member-%d is held out: a receipt at most, never a welcome", i)
                    .doesNotContain("Welcome");
        }
        assertThat(welcome.conversion().control().runs()).isEqualTo(heldOut.size());
        assertThat(welcome.conversion().control().converted()).isEqualTo(controlOrders);
        assertThat(global.percent()).isEqualTo(30);
        assertThat(global.conversion().treated().runs()).isEqualTo(CUSTOMERS - heldOut.size());
        assertThat(global.conversion().control().runs()).isEqualTo(heldOut.size());
        assertThat(global.conversion().treated().converted()).isEqualTo(treatedOrders);
        assertThat(global.conversion().control().converted()).isEqualTo(controlOrders);
        assertThat(global.conversion().control().revenue()).isEqualByComparingTo(String.valueOf(20 * controlOrders));
        assertThat(answer.get("percent").asInt()).isEqualTo(30);
        assertThat(answer.get("conversion").get("control").get("runs").asLong()).isEqualTo(heldOut.size());
    }

    private static void publishJourneys(Api api, TestTenant shop) {
        api.put("/v1/templates/welcome", bearer(shop.adminKey()), """
                {"locales": {"en": {"subject": "Welcome", "text": "Nice to meet you"}}}""");
        api.put("/v1/templates/receipt", bearer(shop.adminKey()), """
                {"locales": {"en": {"subject": "Receipt", "text": "Your order"}}}""");
        api.put("/v1/journeys/welcome", bearer(shop.adminKey()), """
                {"trigger": {"type": "event", "event": "Signed Up"},
                 "steps": [{"id": "hello", "type": "send", "template": "welcome"}]}""");
        api.put("/v1/journeys/receipt", bearer(shop.adminKey()), """
                {"transactional": true, "trigger": {"type": "order", "status": "placed"},
                 "steps": [{"id": "receipt", "type": "send", "template": "receipt"}]}""");
    }

    private void signUp(Api api, TestTenant shop, String user) {
        // Noon in their zone, so quiet hours do not delay the message whenever the test runs.
        CustomerId id = customers.identify(
                api,
                shop,
                user,
                "\"email\":\"" + email(shop, user) + "\",\"timezone\":\"" + Customers.zoneAt(12) + "\"");
        customers.optIn(shop, id, Channel.EMAIL);
        api.post(
                "/v1/track",
                basic(shop.writeKey()),
                "{\"userId\":\"" + user + "\",\"event\":\"Signed Up\",\"messageId\":\"" + user + "-signup\"}");
    }

    private long receipts(TestTenant shop) throws MessagingException {
        long receipts = 0;
        for (int i = 0; i < CUSTOMERS; i++) {
            receipts += subjects(shop, "member-" + i).stream()
                    .filter("Receipt"::equals)
                    .count();
        }
        return receipts;
    }

    private List<String> subjects(TestTenant shop, String user) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : inbox.to(email(shop, user))) {
            subjects.add(mail.getSubject());
        }
        return subjects;
    }

    private static String email(TestTenant shop, String user) {
        return user + "-" + shop.id().value() + "@example.com";
    }
}
