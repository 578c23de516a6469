package io.hearth.messaging.internal;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.messaging.Attribution;
import io.hearth.messaging.MessageChannel;
import io.hearth.messaging.MessageEngaged;
import io.hearth.messaging.MessageStatus;
import io.hearth.messaging.MessagingManagement;
import io.hearth.messaging.SendRequest;
import io.hearth.messaging.SentMessage;
import io.hearth.privacy.Channel;
import io.hearth.privacy.Purpose;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MailInbox;
import io.hearth.testing.MessageEventsRecorder;
import io.hearth.testing.MutableClock;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A message waiting for its retry (the SMTP relay, GreenMail, was down) is checked again when the
 * retry comes: an address that bounced hard on another message in between, or a customer who
 * unsubscribed in between, gets nothing, and the message says why.
 */
@HearthTest
class RetryRechecksTest {

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
    TrackingLinks links;

    @Autowired
    MessageEventsRecorder events;

    Api api;
    TestTenant shop;

    @BeforeEach
    void aShopWithATemplate() {
        api = new Api(port);
        shop = tenants.create();
        api.put("/v1/templates/hello", bearer(shop.adminKey()), """
                {"locales": {"en": {"subject": "Hello", "text": "Hello {{ customer.first_name }}"}}}
                """);
    }

    @AfterEach
    void restore() {
        inbox.start();
        clock.reset();
    }

    @Test
    void anAddressThatBouncedHardBeforeTheRetryIsNotSentTo() throws Exception {
        String email = "bounced-" + shop.id().value() + "@example.com";
        CustomerId lea = emailCustomer("lea", email);
        SentMessage delivered = send(lea, "hello-1");
        UUID returned = UUID.fromString(inbox.to(email).getFirst().getHeader("X-Hearth-Message-Id")[0]);
        // Stopping GreenMail empties its mailboxes: from here on the inbox holds only what the retry sends.
        inbox.stop();
        SentMessage waiting = send(lea, "hello-2");
        inbox.start();

        Api.Response bounce = api.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/messaging/bounces"))
                .header("Content-Type", "message/rfc822")
                .header("Authorization", bearer(shop.adminKey()))
                .POST(HttpRequest.BodyPublishers.ofString(DeliveryReportsTest.dsn(returned, "failed", "5.1.1"))));
        SentMessage retried = afterTheBackoff(waiting);

        assertThat(delivered.status()).isEqualTo(MessageStatus.SENT);
        assertThat(waiting.status()).isEqualTo(MessageStatus.RETRYING);
        assertThat(bounce.status()).as(bounce.body()).isEqualTo(200);
        assertThat(retried.status()).isEqualTo(MessageStatus.SUPPRESSED);
        assertThat(retried.reason()).isEqualTo("hard-bounce");
        assertThat(inbox.to(email)).as("nothing after the bounce").isEmpty();
        assertThat(events.of(waiting.messageId()))
                .extracting(MessageEngaged::kind)
                .contains(MessageEngaged.Kind.SUPPRESSED);
    }

    @Test
    void aCustomerWhoUnsubscribedBeforeTheRetryIsNotSentTo() {
        String email = "left-" + shop.id().value() + "@example.com";
        CustomerId max = emailCustomer("max", email);
        inbox.stop();
        SentMessage waiting = send(max, "hello-1");
        inbox.start();

        URI unsubscribe = links.unsubscribe(shop.id(), waiting.messageId());
        Api.Response oneClick = api.postForm(
                unsubscribe.getRawPath() + (unsubscribe.getRawQuery() == null ? "" : "?" + unsubscribe.getRawQuery()),
                "List-Unsubscribe=One-Click");
        SentMessage retried = afterTheBackoff(waiting);

        assertThat(waiting.status()).isEqualTo(MessageStatus.RETRYING);
        assertThat(oneClick.status()).as(oneClick.body()).isBetween(200, 299);
        assertThat(retried.status()).isEqualTo(MessageStatus.SUPPRESSED);
        assertThat(retried.reason()).isEqualTo("consent");
        assertThat(inbox.to(email)).isEmpty();
    }

    private SentMessage afterTheBackoff(SentMessage waiting) {
        clock.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> messaging
                                .message(shop.id(), waiting.messageId())
                                .orElseThrow()
                                .status()
                        != MessageStatus.RETRYING);
        return messaging.message(shop.id(), waiting.messageId()).orElseThrow();
    }

    private CustomerId emailCustomer(String userId, String email) {
        CustomerId customer =
                customers.identify(api, shop, userId, "\"email\":\"" + email + "\",\"firstName\":\"" + userId + "\"");
        customers.optIn(shop, customer, Channel.EMAIL);
        return customer;
    }

    private SentMessage send(CustomerId customer, String key) {
        return messaging.send(
                shop.id(),
                new SendRequest(
                        customer, "hello", MessageChannel.EMAIL, Purpose.MARKETING, key, Attribution.NONE, Map.of()));
    }
}
