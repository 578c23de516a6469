package io.hearth.journeys;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.Channel;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.RecordedDecision;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.testing.Api;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MailInbox;
import io.hearth.testing.MutableClock;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The next-best-action agent over real guardrails and real mail: it sends the eligible action of
 * highest expected value to a customer who responds, backs off from one who ignores every message,
 * and writes each choice with its reason to the decision log.
 */
@HearthTest
class JourneyNextBestActionTest {

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

    @Autowired
    PrivacyManagement privacy;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theAgentSendsTheBestEligibleActionToARespondingCustomerAndBacksOffFromOneWhoIgnoresEverything()
            throws Exception {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        for (String template : List.of("news-1", "news-2", "news-3", "offer")) {
            api.put("/v1/templates/" + template, bearer(shop.adminKey()), """
                    {"locales": {"en": {"subject": "%s", "text": "Hello", "html": "<p>Hello</p>"}}}""".formatted(template));
        }
        journeys.publish(shop.id(), "nudges", """
                priority: 10
                trigger: {type: event, event: Joined}
                steps:
                  - {id: first, type: send, template: news-1}
                  - {id: day-1, type: wait, duration: P1D}
                  - {id: second, type: send, template: news-2}
                  - {id: day-2, type: wait, duration: P1D}
                  - {id: third, type: send, template: news-3}
                  - {id: two-days, type: wait, duration: P2D}
                  - id: nudge
                    type: bestAction
                    backoff: P3D
                    actions:
                      - {id: push-offer, template: offer, channel: push, value: 20}
                      - {id: mail-offer, template: offer, channel: email, value: 10}
                """);
        String fanEmail = "fan-" + shop.id().value() + "@example.com";
        String ghostEmail = "ghost-" + shop.id().value() + "@example.com";
        CustomerId fan = customer(api, shop, "fan", fanEmail);
        CustomerId ghost = customer(api, shop, "ghost", ghostEmail);

        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        inbox.to(fanEmail).size() == 1 && inbox.to(ghostEmail).size() == 1);
        // The fan opens the first message; the ghost opens nothing.
        assertThat(api.get(path(pixel(inbox.to(fanEmail).get(0))), "").status()).isEqualTo(200);
        // Days pass between an open and the agent's turn; here the clock jumps, so wait for the open
        // to reach the journeys' responses (its listener may queue behind other work on a busy node).
        await().atMost(Duration.ofSeconds(30)).until(() -> engagedMessages(shop, fan) == 1);
        for (int day = 1; day <= 2; day++) {
            awaitWaiting(shop, 2L * day);
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            int expected = day + 1;
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> inbox.to(fanEmail).size() == expected
                            && inbox.to(ghostEmail).size() == expected);
        }
        awaitWaiting(shop, 6);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox.to(fanEmail).size() == 4);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "nudges").total("waiting", "backoff") == 1);
        int ghostBeforeBackoffEnds = inbox.to(ghostEmail).size();
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "nudges").total("suppressed", "ignored") == 1);

        assertThat(inbox.to(fanEmail).get(3).getSubject()).isEqualTo("offer");
        assertThat(ghostBeforeBackoffEnds).isEqualTo(3);
        assertThat(inbox.to(ghostEmail)).hasSize(3);
        RecordedDecision fanChoice = agentDecisions(shop, fan).getFirst();
        assertThat(fanChoice.outcome()).isEqualTo("mail-offer");
        assertThat(fanChoice.reason()).startsWith("highest expected value").contains("push-offer blocked by consent");
        assertThat(fanChoice.inputs().get("candidates")).hasSize(2);
        assertThat(agentDecisions(shop, ghost))
                .extracting(RecordedDecision::outcome)
                .containsExactlyInAnyOrder("backoff", "hold");
        assertThat(journeys.stats(shop.id(), "nudges").total("sent", "mail-offer"))
                .isEqualTo(1);
    }

    private long engagedMessages(TestTenant shop, CustomerId customer) {
        return TenantContext.call(
                shop.id(),
                () -> jdbc.sql(
                                "select count(*) from journeys_response where customer_id = :customer and engaged_at is not null")
                        .param("customer", customer.value())
                        .query(Long.class)
                        .single());
    }

    private List<RecordedDecision> agentDecisions(TestTenant shop, CustomerId customer) {
        return privacy.decisions(shop.id(), customer, 100, null).decisions().stream()
                .filter(decision -> decision.type().equals("journey.next-best-action"))
                .toList();
    }

    private void awaitWaiting(TestTenant shop, long count) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "nudges").total("waiting") >= count);
    }

    private CustomerId customer(Api api, TestTenant shop, String user, String email) {
        CustomerId id = customers.identify(
                api, shop, user, "\"email\":\"" + email + "\",\"timezone\":\"" + Customers.zoneAt(12) + "\"");
        customers.optIn(shop, id, Channel.EMAIL);
        api.post(
                "/v1/track",
                basic(shop.writeKey()),
                "{\"userId\":\"" + user + "\",\"event\":\"Joined\",\"messageId\":\"" + user + "-joined\"}");
        return id;
    }

    private static String pixel(Part message) throws Exception {
        Matcher matcher = Pattern.compile("src=\"([^\"]+/v1/t/o/[^\"]+)\"").matcher(html(message));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String html(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = html(body);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
