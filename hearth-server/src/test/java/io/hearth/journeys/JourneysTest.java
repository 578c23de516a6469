package io.hearth.journeys;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.Channel;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MailInbox;
import io.hearth.testing.MutableClock;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Journeys as data, run by the injected clock, sending real mail inside the guardrails. */
@HearthTest
class JourneysTest {

    static final String POST_PURCHASE = """
            name: Post-purchase thank-you and tips
            trigger: {type: order, status: delivered}
            entry: {reentry: false, maxConcurrent: 1}
            steps:
              - {id: thanks, type: send, template: thanks}
              - {id: pause, type: wait, duration: P3D}
              - {id: tips, type: send, template: tips}
            """;

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    MailInbox inbox;

    @Autowired
    MutableClock clock;

    @Autowired
    JourneyManagement journeys;

    Api api;
    TestTenant shop;

    @BeforeEach
    void aShopWithTemplates() {
        api = new Api(port);
        shop = tenants.create();
        template("thanks", "Thank you, {{ customer.first_name }}", "Your order {{ order.id }} arrived.");
        template("tips", "Getting the best from your grinder", "Three tips.");
        template("reminder", "You left something behind", "Your cart is waiting.");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aDeliveredOrderGetsAThankYouAtOnceAndTipsThreeDaysLaterByTheClock() {
        assertThat(publish("post-purchase", POST_PURCHASE).status()).isEqualTo(200);
        String email = customer("gus");

        deliver("gus", "G-1");
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox.to(email).size() == 1);
        awaitWaiting("post-purchase", 1);
        clock.advance(Duration.ofDays(2));
        sleepBriefly();
        int afterTwoDays = inbox.to(email).size();
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox.to(email).size() == 2);
        // The mail leaves before the run's step log commits: wait for the run to have finished.
        awaitTotal("post-purchase", "done", 1);

        assertThat(afterTwoDays).isEqualTo(1);
        assertThat(subjects(email)).containsExactly("Thank you, Gus", "Getting the best from your grinder");
        JourneyStats stats = journeys.stats(shop.id(), "post-purchase");
        assertThat(stats.total("entered")).isEqualTo(1);
        assertThat(stats.total("sent")).isEqualTo(2);
        assertThat(stats.total("done", "completed")).isEqualTo(1);
    }

    @Test
    void aBadDefinitionIsRefusedWithAPointerPerProblem() {
        Response answer = publish("broken", """
                trigger: {type: order, status: shipped}
                steps:
                  - {id: hello, type: send, template: no-such-template}
                  - {id: check, type: branch, condition: "customer.orders_count >", then: nowhere}
                  - {id: later, type: wait, duration: three days}
                """);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asString()).isEqualTo("journeys.invalid-journey");
        assertThat(pointers(answer.json()))
                .containsExactlyInAnyOrder(
                        "/trigger/status", "/steps/0/template", "/steps/1/condition", "/steps/2/duration", "/steps/1");
    }

    @Test
    void jsonWorksAsWellAsYamlAndEachPublishIsANewImmutableVersion() {
        Response first = publish("post-purchase", POST_PURCHASE);
        Response second = api.send(
                HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/v1/journeys/post-purchase"))
                        .header("Authorization", bearer(shop.adminKey()))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"trigger": {"type": "order", "status": "delivered"},
                         "steps": [{"id": "thanks", "type": "send", "template": "thanks"}]}
                        """)));

        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(journeys.journey(shop.id(), "post-purchase")
                        .orElseThrow()
                        .definition()
                        .steps())
                .hasSize(1);
    }

    @Test
    void anEventWithAFilterStartsARunThatWaitsForAPurchaseAndRemindsWhenNoneComes() {
        publish("cart", """
                trigger: {type: event, event: Cart Abandoned, filter: "event.properties.value > 50"}
                exitWhen: [Account Deleted]
                steps:
                  - {id: wait-order, type: waitForEvent, event: Order Completed, timeout: PT1H, onEvent: bought, onTimeout: remind}
                  - {id: remind, type: send, template: reminder, next: bought}
                  - {id: bought, type: exit}
                """);
        String small = customer("hal");
        String large = customer("ida");
        String buyer = customer("jan");

        track("hal", "Cart Abandoned", "{\"value\": 20}", "hal-1");
        track("ida", "Cart Abandoned", "{\"value\": 80}", "ida-1");
        track("jan", "Cart Abandoned", "{\"value\": 90}", "jan-1");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "cart").total("entered") == 2);
        track("jan", "Order Completed", "{\"order_id\": \"J-1\", \"total\": 90}", "jan-2");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "cart").total("event") == 1);
        clock.advance(Duration.ofMinutes(61));
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox.to(large).size() == 1);
        awaitTotal("cart", "exited", 2);

        assertThat(inbox.to(small)).isEmpty();
        assertThat(inbox.to(buyer)).isEmpty();
        JourneyStats stats = journeys.stats(shop.id(), "cart");
        assertThat(stats.total("timeout")).isEqualTo(1);
        assertThat(stats.total("exited", "exit-step")).isEqualTo(2);
    }

    @Test
    void theSameContentIsNotSentTwiceAcrossJourneysAndTheSuppressionSaysWhy() {
        publish("post-purchase", POST_PURCHASE);
        publish("also-thanks", """
                trigger: {type: order, status: delivered}
                steps:
                  - {id: thanks-again, type: wait, duration: PT1M}
                  - {id: send, type: send, template: thanks}
                """);
        String email = customer("kai");

        deliver("kai", "K-1");
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox.to(email).size() == 1);
        awaitWaiting("also-thanks", 1);
        clock.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "also-thanks").total("suppressed", "duplicate-content") == 1);

        assertThat(inbox.to(email)).hasSize(1);
    }

    @Test
    void quietHoursDelayAMarketingSendToTheMorningInTheCustomersZone() {
        publish("post-purchase", POST_PURCHASE);
        String email = customer("liv", Customers.zoneAt(23));

        deliver("liv", "L-1");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "post-purchase").total("delayed", "quiet-hours") == 1);
        int duringTheNight = inbox.to(email).size();
        clock.advance(Duration.ofHours(10));
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox.to(email).size() == 1);

        assertThat(duringTheNight).isZero();
    }

    @Test
    void enteringASegmentStartsARunThatCallsASignedWebhookOnceAndSetsATrait() throws Exception {
        java.util.List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-Hearth-Timestamp");
            String expected = "sha256=" + hmac("test-webhook-secret", timestamp + "." + body);
            calls.add(expected.equals(exchange.getRequestHeaders().getFirst("X-Hearth-Signature")) + " "
                    + exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Response segment = api.post(
                    "/v1/segments",
                    bearer(shop.adminKey()),
                    "{\"name\": \"gold\", \"expression\": \"has(customer.traits.plan) && customer.traits.plan == 'gold'\"}");
            String segmentId = segment.json().get("segmentId").asString();
            publish("gold-welcome", """
                    trigger: {type: segment, segment: %s}
                    steps:
                      - {id: notify, type: webhook, url: "http://127.0.0.1:%d/hook"}
                      - {id: tag, type: updateTrait, trait: welcomed_gold, value: true}
                    """.formatted(
                            segmentId, receiver.getAddress().getPort()));

            customers.identify(api, shop, "gold-1", "\"plan\": \"gold\"");
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> journeys.stats(shop.id(), "gold-welcome").total("done") >= 3);

            assertThat(calls).hasSize(1);
            assertThat(calls.get(0)).startsWith("true ").endsWith(":notify");
        } finally {
            receiver.stop(0);
        }
    }

    private static String hmac(String secret, String payload) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of()
                    .formatHex(mac.doFinal(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitTotal(String journey, String outcome, long count) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), journey).total(outcome) >= count);
    }

    /** Waits until runs are parked on a wait step, so moving the clock moves past their timers. */
    private void awaitWaiting(String journey, long runs) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), journey).total("waiting") >= runs);
    }

    private String customer(String user) {
        return customer(user, Customers.zoneAt(12));
    }

    private String customer(String user, String zone) {
        String email = user + "-" + shop.id().value() + "@example.com";
        String name = Character.toUpperCase(user.charAt(0)) + user.substring(1);
        CustomerId id = customers.identify(
                api,
                shop,
                user,
                "\"email\":\"" + email + "\",\"firstName\":\"" + name + "\",\"timezone\":\"" + zone + "\"");
        customers.optIn(shop, id, Channel.EMAIL);
        return email;
    }

    private void deliver(String user, String order) {
        track(user, "Order Completed", "{\"order_id\": \"" + order + "\", \"total\": 40}", order + "-placed");
        track(user, "Order Delivered", "{\"order_id\": \"" + order + "\"}", order + "-delivered");
    }

    private void track(String user, String event, String properties, String messageId) {
        Response answer = api.post(
                "/v1/track",
                basic(shop.writeKey()),
                "{\"userId\":\"" + user + "\",\"event\":\"" + event + "\",\"messageId\":\"" + messageId
                        + "\",\"properties\":" + properties + "}");
        assertThat(answer.status()).isEqualTo(200);
    }

    private void template(String key, String subject, String text) {
        Response answer = api.put(
                "/v1/templates/" + key,
                bearer(shop.adminKey()),
                "{\"locales\": {\"en\": {\"subject\": \"" + subject + "\", \"text\": \"" + text + "\"}}}");
        assertThat(answer.status()).isEqualTo(200);
    }

    private Response publish(String key, String yaml) {
        return api.send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/v1/journeys/" + key))
                .header("Authorization", bearer(shop.adminKey()))
                .header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(yaml)));
    }

    private List<String> subjects(String email) {
        return inbox.to(email).stream().map(JourneysTest::subject).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> pointers(JsonNode problem) {
        return problem.get("errors")
                .valueStream()
                .map(error -> error.get("pointer").asString())
                .toList();
    }

    /** Gives the timer job (every 0.2 s in tests) a few rounds to prove it does nothing yet. */
    private static void sleepBriefly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
