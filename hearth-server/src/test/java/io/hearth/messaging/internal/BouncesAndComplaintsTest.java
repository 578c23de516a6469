package io.hearth.messaging.internal;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.messaging.Attribution;
import io.hearth.messaging.MessageChannel;
import io.hearth.messaging.MessageEngaged;
import io.hearth.messaging.MessageStatus;
import io.hearth.messaging.MessagingManagement;
import io.hearth.messaging.SendRequest;
import io.hearth.messaging.SentMessage;
import io.hearth.privacy.Channel;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.Purpose;
import io.hearth.privacy.RecordedDecision;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MailInbox;
import io.hearth.testing.MessageEventsRecorder;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bounces and complaints flow back into the suppression list: a DSN or abuse report piped in by the
 * shop, or Twilio's status callback, suppresses the address, writes a decision, is published as an
 * event with the message's attribution, and the next send to that address is suppressed with the reason.
 */
@HearthTest
class BouncesAndComplaintsTest {

    static final Attribution ATTRIBUTION = new Attribution("win-back", "offer", "a");

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    MessagingManagement messaging;

    @Autowired
    PrivacyManagement privacy;

    @Autowired
    MailInbox inbox;

    @Autowired
    MessageEventsRecorder events;

    @Autowired
    TrackingLinks links;

    Api api;
    TestTenant shop;

    @BeforeEach
    void aShopWithATemplate() {
        api = new Api(port);
        shop = tenants.create();
        api.put("/v1/templates/offer", bearer(shop.adminKey()), """
                {"locales": {"en": {"subject": "An offer", "text": "Hello {{ customer.first_name }}"}}}
                """);
        api.put("/v1/templates/offer-sms", bearer(shop.adminKey()), """
                {"channel": "sms", "locales": {"en": {"text": "Hello {{ customer.first_name }}"}}}
                """);
    }

    @Test
    void aHardBounceSuppressesTheAddressAndTheNextSendSaysWhy() throws Exception {
        String email = "gone-" + shop.id().value() + "@example.com";
        CustomerId gus = emailCustomer("gus", email);
        SentMessage sent = send(gus, "offer", MessageChannel.EMAIL, "offer-1");
        String returnedId = inbox.to(email).getFirst().getHeader("X-Hearth-Message-Id")[0];

        Response bounce = postMail(DeliveryReportsTest.dsn(UUID.fromString(returnedId), "failed", "5.1.1"));
        Response again = postMail(DeliveryReportsTest.dsn(UUID.fromString(returnedId), "failed", "5.1.1"));
        SentMessage next = send(gus, "offer", MessageChannel.EMAIL, "offer-2");
        Response listed = api.get("/v1/customers/" + gus.value() + "/suppressions", bearer(shop.adminKey()));

        assertThat(bounce.status()).as(bounce.body()).isEqualTo(200);
        assertThat(bounce.json().get("kind").asString()).isEqualTo("hard-bounce");
        assertThat(bounce.json().get("suppressed").asBoolean()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(next.status()).isEqualTo(MessageStatus.SUPPRESSED);
        assertThat(next.reason()).isEqualTo("hard-bounce");
        assertThat(inbox.to(email)).hasSize(1);
        assertThat(events.of(sent.messageId()))
                .filteredOn(e -> e.kind() == MessageEngaged.Kind.BOUNCED)
                .singleElement()
                .extracting(MessageEngaged::attribution)
                .isEqualTo(ATTRIBUTION);
        assertThat(suppressionDecisions(gus))
                .as("a repeated report writes no second decision")
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.outcome()).isEqualTo("hard-bounce");
                    assertThat(d.inputs().get("code").asString()).isEqualTo("5.1.1");
                    assertThat(d.inputs().toString()).doesNotContain(email);
                });
        assertThat(listed.json().get("data").get(0).get("reason").asString()).isEqualTo("HARD_BOUNCE");
        assertThat(privacy.mayUse(shop.id(), gus, Purpose.MARKETING, Channel.EMAIL))
                .as("a bounce is not a withdrawal of consent")
                .isTrue();
    }

    @Test
    void aComplaintSuppressesTheAddressAndWithdrawsMarketingConsent() throws Exception {
        String email = "angry-" + shop.id().value() + "@example.com";
        CustomerId ida = emailCustomer("ida", email);
        send(ida, "offer", MessageChannel.EMAIL, "offer-1");
        String returnedId = inbox.to(email).getFirst().getHeader("X-Hearth-Message-Id")[0];

        Response complaint = postMail(DeliveryReportsTest.arf(UUID.fromString(returnedId), "abuse"));

        assertThat(complaint.status()).as(complaint.body()).isEqualTo(200);
        assertThat(complaint.json().get("kind").asString()).isEqualTo("complaint");
        assertThat(privacy.mayUse(shop.id(), ida, Purpose.MARKETING, Channel.EMAIL))
                .isFalse();
        assertThat(messaging.suppressions(shop.id(), ida))
                .singleElement()
                .satisfies(s -> assertThat(s.reason().key()).isEqualTo("complaint"));
    }

    @Test
    void aSoftBounceChangesNothingAndReportsWeCannotPlaceAreRefused() throws Exception {
        String email = "busy-" + shop.id().value() + "@example.com";
        CustomerId jo = emailCustomer("jo", email);
        send(jo, "offer", MessageChannel.EMAIL, "offer-1");
        UUID returned = UUID.fromString(inbox.to(email).getFirst().getHeader("X-Hearth-Message-Id")[0]);
        TestTenant other = tenants.create();

        Response soft = postMail(DeliveryReportsTest.dsn(returned, "delayed", "4.4.1"));
        Response foreign = api.send(mailPost(other, DeliveryReportsTest.dsn(returned, "failed", "5.1.1")));
        Response unknown = postMail(DeliveryReportsTest.dsn(UUID.randomUUID(), "failed", "5.1.1"));
        Response notAReport = postMail("From: a@example.com\r\nSubject: hi\r\n\r\nhello\r\n");
        Response readKey = api.send(mailPost(shop, "x").setHeader("Authorization", "Bearer nope"));

        assertThat(soft.json().get("suppressed").asBoolean()).isFalse();
        assertThat(messaging.suppressions(shop.id(), jo)).isEmpty();
        assertThat(foreign.status()).as("another shop's message").isEqualTo(422);
        assertThat(foreign.body()).doesNotContain(returned.toString());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(notAReport.status()).isEqualTo(400);
        assertThat(readKey.status()).isEqualTo(401);
    }

    @Test
    void twiliosStatusCallbackMarksDeliveryAndSuppressesANumberThatDoesNotExist() {
        CustomerId kim = customers.identify(api, shop, "kim", "\"phone\":\"+15550001234\",\"firstName\":\"Kim\"");
        customers.optIn(shop, kim, Channel.SMS);
        // No SMS account is configured in tests: the message fails at the provider, but it was addressed.
        SentMessage first = send(kim, "offer-sms", MessageChannel.SMS, "sms-1");
        String status = path(links.status(shop.id(), first.messageId()));

        Response delivered = api.postForm(status, "MessageSid=SM1&MessageStatus=delivered");
        Response undelivered = api.postForm(status, "MessageSid=SM1&MessageStatus=undelivered&ErrorCode=30005");
        Response tampered = api.postForm(status.substring(0, status.length() - 3) + "AAA", "MessageStatus=failed");
        SentMessage next = send(kim, "offer-sms", MessageChannel.SMS, "sms-2");

        assertThat(delivered.status()).isEqualTo(204);
        assertThat(undelivered.status()).isEqualTo(204);
        assertThat(tampered.status()).isEqualTo(404);
        assertThat(events.of(first.messageId()))
                .extracting(MessageEngaged::kind)
                .contains(MessageEngaged.Kind.DELIVERED, MessageEngaged.Kind.BOUNCED);
        assertThat(next.status()).isEqualTo(MessageStatus.SUPPRESSED);
        assertThat(next.reason()).isEqualTo("hard-bounce");
    }

    private CustomerId emailCustomer(String userId, String email) {
        CustomerId customer =
                customers.identify(api, shop, userId, "\"email\":\"" + email + "\",\"firstName\":\"" + userId + "\"");
        customers.optIn(shop, customer, Channel.EMAIL);
        return customer;
    }

    private SentMessage send(CustomerId customer, String template, MessageChannel channel, String key) {
        return messaging.send(
                shop.id(), new SendRequest(customer, template, channel, Purpose.MARKETING, key, ATTRIBUTION, Map.of()));
    }

    private java.util.List<RecordedDecision> suppressionDecisions(CustomerId customer) {
        return privacy.decisions(shop.id(), customer, 100, null).decisions().stream()
                .filter(d -> d.type().equals("message.address-suppressed"))
                .toList();
    }

    private Response postMail(String mail) {
        return api.send(mailPost(shop, mail));
    }

    private HttpRequest.Builder mailPost(TestTenant tenant, String mail) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/messaging/bounces"))
                .header("Content-Type", "message/rfc822")
                .header("Authorization", bearer(tenant.adminKey()))
                .POST(HttpRequest.BodyPublishers.ofString(mail));
    }

    private static String path(URI url) {
        return url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }
}
