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
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node that dies after committing a step's message as queued, before its run moves on, leaves the
 * run at that step and the message never attempted. The resumed run sends that message at once and
 * counts it as sent: asking the guardrails again would find the step's own message, suppress it as
 * duplicate content (leaving it to the retry job a minute later), or, in a best-action step, choose
 * another action and send the customer a second message.
 */
@HearthTest
class JourneyResumeTest {

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

    @Autowired
    PrivacyManagement privacy;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void inboxUp() {
        inbox.start();
    }

    @Test
    void aResumedSendStepSendsTheMessageItsDeadNodeLeftQueued() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        template(api, shop, "welcome");
        journeys.publish(shop.id(), "welcome", """
                trigger: {type: event, event: Signed Up}
                steps:
                  - {id: hello, type: send, template: welcome}
                  - {id: later, type: wait, duration: P1D}
                """);
        String email = email(shop, "sam");
        customer(api, shop, "sam");

        UUID run = strandAtStep(api, shop, "sam", "welcome", "hello", "later");
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.to(email).size() == 1);

        assertThat(subjects(email)).containsExactly("welcome");
        assertThat(messageStatus(shop, run + ":hello")).isEqualTo("sent");
        assertThat(journeys.stats(shop.id(), "welcome").total("suppressed")).isZero();
    }

    @Test
    void aResumedBestActionStepSendsItsEarlierChoiceAndNoOtherAction() throws InterruptedException {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        template(api, shop, "offer-a");
        template(api, shop, "offer-b");
        journeys.publish(shop.id(), "offers", """
                trigger: {type: event, event: Signed Up}
                steps:
                  - id: nudge
                    type: bestAction
                    actions:
                      - {id: better, template: offer-a, channel: email, value: 20}
                      - {id: fallback, template: offer-b, channel: email, value: 10}
                  - {id: later, type: wait, duration: P1D}
                """);
        String email = email(shop, "ray");
        CustomerId ray = customer(api, shop, "ray");

        UUID run = strandAtStep(api, shop, "ray", "offers", "nudge", "later");
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.to(email).size() == 1);
        Thread.sleep(1_000); // five timer rounds: a second action would be sent now

        assertThat(subjects(email)).containsExactly("offer-a");
        assertThat(messageStatus(shop, run + ":nudge")).isEqualTo("sent");
        // Both the first choice and the resumed step's entry name the action whose message went.
        assertThat(privacy.decisions(shop.id(), ray, 100, null).decisions().stream()
                        .filter(decision -> decision.type().equals("journey.next-best-action"))
                        .map(RecordedDecision::outcome))
                .containsExactly("better", "better");
    }

    /**
     * Runs the journey's first step with the relay down (the message is committed, its attempt
     * refused), then puts message and run back as a node that died between the two commits leaves
     * them: the message queued and never attempted, the run due at the step. Answers the run.
     */
    private UUID strandAtStep(Api api, TestTenant shop, String user, String journey, String step, String waitStep) {
        inbox.stop();
        api.post(
                "/v1/track",
                basic(shop.writeKey()),
                "{\"userId\":\"" + user + "\",\"event\":\"Signed Up\",\"messageId\":\"" + user + "-signed-up\"}");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), journey).total("waiting") == 1);
        UUID run = TenantContext.call(
                shop.id(),
                () -> jdbc.sql("select run_id from journeys_run where tenant_id = :tenant and journey_key = :journey")
                        .param("tenant", shop.id().value())
                        .param("journey", journey)
                        .query(UUID.class)
                        .single());
        TenantContext.run(shop.id(), () -> {
            jdbc.sql("""
                            update messaging_message set status = 'queued', attempts = 0, reason = null,
                                next_attempt_at = null where tenant_id = :tenant and idempotency_key = :key
                            """)
                    .param("tenant", shop.id().value())
                    .param("key", run + ":" + step)
                    .update();
            inbox.start();
            jdbc.sql("""
                            update journeys_run set step_id = :step, due_at = now(), context = context - :wait
                            where tenant_id = :tenant and run_id = :run
                            """)
                    .param("step", step)
                    .param("wait", "wait:" + waitStep)
                    .param("tenant", shop.id().value())
                    .param("run", run)
                    .update();
        });
        return run;
    }

    private String messageStatus(TestTenant shop, String idempotencyKey) {
        return TenantContext.call(
                shop.id(),
                () -> jdbc.sql(
                                "select status from messaging_message where tenant_id = :tenant and idempotency_key = :key")
                        .param("tenant", shop.id().value())
                        .param("key", idempotencyKey)
                        .query(String.class)
                        .single());
    }

    private CustomerId customer(Api api, TestTenant shop, String user) {
        // Noon in their zone, so quiet hours do not delay the message whenever the test runs.
        CustomerId id = customers.identify(
                api,
                shop,
                user,
                "\"email\":\"" + email(shop, user) + "\",\"timezone\":\"" + Customers.zoneAt(12) + "\"");
        customers.optIn(shop, id, Channel.EMAIL);
        return id;
    }

    private static String email(TestTenant shop, String user) {
        return user + "-" + shop.id().value() + "@example.com";
    }

    private static void template(Api api, TestTenant shop, String key) {
        assertThat(api.put("/v1/templates/" + key, bearer(shop.adminKey()), """
                        {"locales": {"en": {"subject": "%s", "text": "Hello"}}}""".formatted(key))
                        .status())
                .isEqualTo(200);
    }

    private List<String> subjects(String email) {
        return inbox.to(email).stream().map(JourneyResumeTest::subject).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
