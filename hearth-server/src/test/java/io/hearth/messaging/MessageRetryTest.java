package io.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.Channel;
import io.hearth.privacy.Purpose;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.testing.Api;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MailInbox;
import io.hearth.testing.MutableClock;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A relay that is down is retried with backoff by the clock, and the message arrives exactly once. A
 * message whose node died between committing it and its first attempt is sent by the repeated request
 * (a resumed journey run) or, failing that, by the retry job a minute later, and arrives once too.
 */
@HearthTest
class MessageRetryTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    MessagingManagement messaging;

    @Autowired
    MailInbox inbox;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void restore() {
        inbox.start();
        clock.reset();
    }

    @Test
    void anUnreachableRelayIsRetriedAfterTheBackoffAndTheMessageArrivesOnce() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        api.put("/v1/templates/hello", Api.bearer(shop.adminKey()), """
                {"locales": {"en": {"subject": "Hello", "text": "Hello {{ customer.first_name }}"}}}
                """);
        String email = "retry-" + shop.id().value() + "@example.com";
        CustomerId fay = customers.identify(api, shop, "fay", "\"email\":\"" + email + "\",\"firstName\":\"Fay\"");
        customers.optIn(shop, fay, Channel.EMAIL);
        inbox.stop();

        SentMessage first = messaging.send(
                shop.id(),
                new SendRequest(
                        fay, "hello", MessageChannel.EMAIL, Purpose.MARKETING, "hello-1", Attribution.NONE, Map.of()));
        inbox.start();
        clock.advance(Duration.ofSeconds(30));
        SentMessage beforeBackoff = messaging.messages(shop.id(), fay, 1).get(0);
        clock.advance(Duration.ofSeconds(31));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> messaging.messages(shop.id(), fay, 1).get(0).status() == MessageStatus.SENT);

        assertThat(first.status()).isEqualTo(MessageStatus.RETRYING);
        assertThat(first.reason()).contains("unreachable");
        assertThat(beforeBackoff.status()).isEqualTo(MessageStatus.RETRYING);
        assertThat(messaging.messages(shop.id(), fay, 1).get(0).attempts()).isEqualTo(2);
        assertThat(inbox.to(email)).hasSize(1);
    }

    @Test
    void aRepeatedRequestSendsTheMessageItsDeadNodeLeftQueued() {
        Stranded stranded = strandedMessage("again");

        SentMessage repeated = messaging.send(stranded.shop().id(), stranded.request());
        SentMessage once = messaging.send(stranded.shop().id(), stranded.request());

        assertThat(repeated.status()).isEqualTo(MessageStatus.SENT);
        assertThat(once.messageId()).isEqualTo(repeated.messageId());
        assertThat(inbox.to(stranded.email())).hasSize(1);
    }

    @Test
    void theRetryJobSendsAMessageLeftQueuedOnceItHasWaitedAMinute() {
        Stranded stranded = strandedMessage("job");
        clock.advance(Duration.ofSeconds(30));
        awaitRetryChecks();
        MessageStatus withinGrace = messaging
                .messages(stranded.shop().id(), stranded.customer(), 1)
                .get(0)
                .status();

        clock.advance(Duration.ofSeconds(31));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> messaging
                                .messages(stranded.shop().id(), stranded.customer(), 1)
                                .get(0)
                                .status()
                        == MessageStatus.SENT);

        assertThat(withinGrace).isEqualTo(MessageStatus.QUEUED);
        assertThat(inbox.to(stranded.email())).hasSize(1);
    }

    /** As a node that died right after committing the message would leave it: queued, never attempted. */
    private Stranded strandedMessage(String name) {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        api.put("/v1/templates/hello", Api.bearer(shop.adminKey()), """
                {"locales": {"en": {"subject": "Hello", "text": "Hello {{ customer.first_name }}"}}}
                """);
        String email = name + "-" + shop.id().value() + "@example.com";
        CustomerId customer = customers.identify(api, shop, name, "\"email\":\"" + email + "\",\"firstName\":\"Gil\"");
        customers.optIn(shop, customer, Channel.EMAIL);
        SendRequest request = new SendRequest(
                customer, "hello", MessageChannel.EMAIL, Purpose.MARKETING, name + "-1", Attribution.NONE, Map.of());
        inbox.stop();
        messaging.send(shop.id(), request);
        inbox.start();
        TenantContext.run(
                shop.id(),
                () -> jdbc.sql("""
                                update messaging_message set status = 'queued', attempts = 0, reason = null,
                                    next_attempt_at = null where idempotency_key = :key
                                """).param("key", request.idempotencyKey()).update());
        return new Stranded(shop, customer, email, request);
    }

    private void awaitRetryChecks() {
        try {
            Thread.sleep(1_000); // five retry checks at PT0.2S
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Stranded(TestTenant shop, CustomerId customer, String email, SendRequest request) {}
}
