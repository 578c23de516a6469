package io.hearth.messaging;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.predictions.CustomerEngagement;
import io.hearth.predictions.EngagementSource;
import io.hearth.privacy.Channel;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.Purpose;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MailInbox;
import io.hearth.testing.MessageEventsRecorder;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Templates in Liquid, sent over real SMTP into a GreenMail inbox, tracked back through the links. */
@HearthTest
class MessagingTest {

    static final String LAYOUT = """
            {"kind": "layout", "defaultLocale": "en", "locales": {"en": {
              "html": "<html><body><h1>Hearth Coffee</h1>{{ content }}<p><a href=\\"{{ message.unsubscribe_url }}\\">Unsubscribe</a></p></body></html>",
              "text": "{{ content }}\\n\\nUnsubscribe: {{ message.unsubscribe_url }}"}}}
            """;

    static final String THANK_YOU = """
            {"layout": "base", "defaultLocale": "en", "locales": {
              "en": {"subject": "Thanks, {{ customer.first_name | default: 'friend' }}!",
                     "html": "<p>Your order {{ order.id }} is on its way. <a href=\\"https://shop.example/tips?o={{ order.id }}\\">Brewing tips</a></p>",
                     "text": "Your order {{ order.id }} is on its way."},
              "de": {"subject": "Danke, {{ customer.first_name | default: 'Freund' }}!",
                     "html": "<p>Ihre Bestellung {{ order.id }} ist unterwegs. <a href=\\"https://shop.example/tips?o={{ order.id }}\\">Tipps</a></p>",
                     "text": "Ihre Bestellung {{ order.id }} ist unterwegs."}}}
            """;

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
    List<EngagementSource> engagementSources;

    @Autowired
    Clock clock;

    Api api;
    TestTenant shop;

    @BeforeEach
    void aShopWithTemplates() {
        api = new Api(port);
        shop = tenants.create();
        assertThat(put("/v1/templates/base", LAYOUT).status()).isEqualTo(200);
        assertThat(put("/v1/templates/thank-you", THANK_YOU).status()).isEqualTo(200);
    }

    @Test
    void aThankYouArrivesInTheCustomersLanguageInItsLayoutWithOneClickUnsubscribeAndOnlyOnce() throws Exception {
        String email = "anna-" + shop.id().value() + "@example.com";
        CustomerId anna = customers.identify(
                api, shop, "anna", "\"email\":\"" + email + "\",\"firstName\":\"Anna\",\"locale\":\"de-DE\"");
        customers.optIn(shop, anna, Channel.EMAIL);
        customers.placeOrder(api, shop, "anna", "A-100", "80");

        SentMessage first = messaging.send(shop.id(), thankYou(anna, "order-1:thank-you"));
        SentMessage again = messaging.send(shop.id(), thankYou(anna, "order-1:thank-you"));

        assertThat(first.status()).isEqualTo(MessageStatus.SENT);
        assertThat(again.messageId()).isEqualTo(first.messageId());
        List<MimeMessage> received = inbox.to(email);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("Danke, Anna!");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).matches("<http://.*/v1/t/u/.+>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String html = part(mail, "text/html");
        assertThat(html)
                .contains("<h1>Hearth Coffee</h1>")
                .contains("Ihre Bestellung")
                .contains("/v1/t/o/");
        assertThat(html).doesNotContain("href=\"https://shop.example/tips");
    }

    @Test
    void aMisspeltVariableIsRefusedAtPublishNamingTheLocaleAndPart() {
        Response answer = put("/v1/templates/typo", """
                {"defaultLocale": "en", "locales": {
                  "en": {"subject": "Hi", "text": "Hello {{ customer.first_name }}"},
                  "de": {"subject": "Hallo", "text": "Hallo {{ customer.frist_name }}"}}}
                """);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asString()).isEqualTo("messaging.invalid-template");
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("pointer").asString()).isEqualTo("/locales/de/text");
        assertThat(error.get("detail").asString()).contains("frist_name");
        assertThat(answer.json().get("errors")).hasSize(1);
    }

    @Test
    void declaredVariablesPassThePublishCheckAndAreRequiredAtSend() {
        Response published = put("/v1/templates/coupon", """
                {"defaultLocale": "en", "variables": {"code": "SAMPLE10"},
                 "locales": {"en": {"subject": "A gift", "text": "Use {{ vars.code }}"}}}
                """);
        assertThat(published.status()).isEqualTo(200);
        String email = "ben-" + shop.id().value() + "@example.com";
        CustomerId ben = customers.identify(api, shop, "ben", "\"email\":\"" + email + "\"");
        customers.optIn(shop, ben, Channel.EMAIL);

        SentMessage without = messaging.send(
                shop.id(),
                new SendRequest(
                        ben, "coupon", MessageChannel.EMAIL, Purpose.MARKETING, "c-1", Attribution.NONE, Map.of()));
        SentMessage with = messaging.send(
                shop.id(),
                new SendRequest(
                        ben,
                        "coupon",
                        MessageChannel.EMAIL,
                        Purpose.MARKETING,
                        "c-2",
                        Attribution.NONE,
                        Map.of("code", "BEN5")));

        assertThat(without.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(without.reason()).contains("vars.code");
        assertThat(with.status()).isEqualTo(MessageStatus.SENT);
        assertThat(inbox.to(email)).hasSize(1);
    }

    @Test
    void withoutConsentNothingIsSentAndTheMessageSaysWhy() {
        String email = "cleo-" + shop.id().value() + "@example.com";
        CustomerId cleo = customers.identify(api, shop, "cleo", "\"email\":\"" + email + "\"");

        SentMessage message = messaging.send(shop.id(), thankYou(cleo, "o-9:thank-you"));

        assertThat(message.status()).isEqualTo(MessageStatus.SUPPRESSED);
        assertThat(message.reason()).isEqualTo("consent");
        assertThat(inbox.to(email)).isEmpty();
        assertThat(events.of(message.messageId()))
                .extracting(MessageEngaged::kind)
                .containsExactly(MessageEngaged.Kind.SUPPRESSED);
    }

    @Test
    void opensClicksAndOneClickUnsubscribeComeBackAttributedToTheJourneyStep() throws Exception {
        String email = "dora-" + shop.id().value() + "@example.com";
        CustomerId dora = customers.identify(api, shop, "dora", "\"email\":\"" + email + "\"");
        customers.optIn(shop, dora, Channel.EMAIL);
        customers.placeOrder(api, shop, "dora", "D-100", "25");
        Attribution attribution = new Attribution("post-purchase", "thank-you", "b");
        SentMessage sent = messaging.send(
                shop.id(),
                new SendRequest(
                        dora, "thank-you", MessageChannel.EMAIL, Purpose.MARKETING, "pp:1", attribution, Map.of()));
        String html = part(inbox.to(email).get(0), "text/html");

        Response pixel = api.get(path(link(html, "src=\"([^\"]+/v1/t/o/[^\"]+)\"")), "");
        String click = path(link(html, "href=\"([^\"]+/v1/t/c/[^\"]+)\"").replace("&amp;", "&"));
        Response redirect = api.get(click, "");
        Response tampered = api.get(click.replace("tips", "evil"), "");
        String unsubscribe =
                path(inbox.to(email).get(0).getHeader("List-Unsubscribe")[0].replaceAll("[<>]", ""));
        Response page = api.get(unsubscribe, "");
        boolean stillSubscribed = privacy.mayUse(shop.id(), dora, Purpose.MARKETING, Channel.EMAIL);
        Response oneClick = api.postForm(unsubscribe, "List-Unsubscribe=One-Click");

        assertThat(pixel.status()).isEqualTo(200);
        assertThat(pixel.contentType()).isEqualTo("image/gif");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).startsWith("https://shop.example/tips?o=");
        assertThat(tampered.status()).isEqualTo(404);
        assertThat(page.status()).isEqualTo(200);
        assertThat(stillSubscribed).as("showing the page unsubscribes nobody").isTrue();
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(privacy.mayUse(shop.id(), dora, Purpose.MARKETING, Channel.EMAIL))
                .isFalse();
        List<MessageEngaged> engaged = events.of(sent.messageId());
        assertThat(engaged)
                .extracting(MessageEngaged::kind)
                .containsExactly(
                        MessageEngaged.Kind.SENT,
                        MessageEngaged.Kind.OPENED,
                        MessageEngaged.Kind.CLICKED,
                        MessageEngaged.Kind.UNSUBSCRIBED);
        assertThat(engaged).extracting(MessageEngaged::attribution).containsOnly(attribution);
    }

    @Test
    void opensAndClicksReachTheChurnModelOnlyBeforeItsCutOff() throws Exception {
        String email = "finn-" + shop.id().value() + "@example.com";
        CustomerId finn = customers.identify(api, shop, "finn", "\"email\":\"" + email + "\"");
        customers.optIn(shop, finn, Channel.EMAIL);
        customers.placeOrder(api, shop, "finn", "F-100", "25");
        messaging.send(
                shop.id(),
                new SendRequest(
                        finn,
                        "thank-you",
                        MessageChannel.EMAIL,
                        Purpose.MARKETING,
                        "pp:finn",
                        Attribution.NONE,
                        Map.of()));
        Instant beforeTheOpen = clock.instant();
        String html = part(inbox.to(email).get(0), "text/html");
        assertThat(api.get(path(link(html, "src=\"([^\"]+/v1/t/o/[^\"]+)\"")), "")
                        .status())
                .isEqualTo(200);
        assertThat(api.get(path(link(html, "href=\"([^\"]+/v1/t/c/[^\"]+)\"").replace("&amp;", "&")), "")
                        .status())
                .isEqualTo(302);

        assertThat(engagements(finn, clock.instant().plusSeconds(1)))
                .extracting(CustomerEngagement::kind)
                .containsExactlyInAnyOrder(
                        CustomerEngagement.Kind.MESSAGE_OPENED, CustomerEngagement.Kind.MESSAGE_CLICKED);
        assertThat(engagements(finn, beforeTheOpen))
                .as("nothing at or after the cut-off")
                .isEmpty();
    }

    private List<CustomerEngagement> engagements(CustomerId customer, Instant before) {
        return engagementSources.stream()
                .flatMap(source -> source.engagements(shop.id(), List.of(customer), before).stream())
                .toList();
    }

    @Test
    void aPreviewRendersForARealCustomerAndNamesWhatTheCustomerLacks() {
        CustomerId eve = customers.identify(api, shop, "eve", "\"email\":\"eve@example.com\",\"firstName\":\"Eve\"");
        Response withoutOrder = api.post(
                "/v1/templates/thank-you/preview", bearer(shop.adminKey()), "{\"customerId\":\"" + eve.value() + "\"}");
        customers.placeOrder(api, shop, "eve", "E-100", "12.5");

        Response preview = api.post(
                "/v1/templates/thank-you/preview", bearer(shop.adminKey()), "{\"customerId\":\"" + eve.value() + "\"}");

        assertThat(withoutOrder.status()).isEqualTo(400);
        assertThat(withoutOrder.json().get("errors").get(0).get("detail").asString())
                .contains("order");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("html").asString()).contains("E-100");
        assertThat(preview.json().get("subject").asString()).isEqualTo("Thanks, Eve!");
        assertThat(preview.json().get("locale").asString()).isEqualTo("en");
    }

    @Test
    void anInAppMessageLandsInTheCustomersInboxAndCanBeMarkedRead() {
        put("/v1/templates/inbox-hello", """
                {"channel": "in-app", "locales": {"en": {"subject": "Welcome", "text": "Hi {{ customer.first_name }}"}}}
                """);
        CustomerId finn = customers.identify(api, shop, "finn", "\"firstName\":\"Finn\"");
        customers.optIn(shop, finn, Channel.ANY);

        SentMessage sent = messaging.send(
                shop.id(),
                new SendRequest(
                        finn,
                        "inbox-hello",
                        MessageChannel.IN_APP,
                        Purpose.MARKETING,
                        "inbox-1",
                        Attribution.NONE,
                        Map.of()));
        Response inbox = api.get("/v1/customers/" + finn.value() + "/inbox", bearer(shop.adminKey()));
        Response read = api.post(
                "/v1/customers/" + finn.value() + "/inbox/" + sent.messageId() + "/read", bearer(shop.adminKey()), "");
        Response unknown = api.post(
                "/v1/customers/" + finn.value() + "/inbox/" + java.util.UUID.randomUUID() + "/read",
                bearer(shop.adminKey()),
                "");

        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(inbox.json().get("data").get(0).get("body").asString()).isEqualTo("Hi Finn");
        assertThat(read.status()).isEqualTo(204);
        assertThat(messaging.inbox(shop.id(), finn, 10).get(0).readAt()).isNotNull();
        assertThat(unknown.status()).isEqualTo(404);
    }

    private SendRequest thankYou(CustomerId customer, String key) {
        return new SendRequest(
                customer, "thank-you", MessageChannel.EMAIL, Purpose.MARKETING, key, Attribution.NONE, Map.of());
    }

    private Response put(String path, String body) {
        return api.put(path, bearer(shop.adminKey()), body);
    }

    static String part(MimeMessage mail, String type) throws Exception {
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    static String link(String html, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(html);
        assertThat(matcher.find()).as("link %s in %s", pattern, html).isTrue();
        return matcher.group(1);
    }

    static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static void awaitStatus(MessagingManagement messaging, TestTenant shop, CustomerId customer, MessageStatus status) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> messaging.messages(shop.id(), customer, 10).get(0).status() == status);
    }
}
