package io.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.Channel;
import io.hearth.privacy.Purpose;
import io.hearth.shared.CustomerId;
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

/** A relay that is down is retried with backoff by the clock, and the message arrives exactly once. */
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
}
