package io.hearth.privacy;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.CustomerId;
import io.hearth.shared.Scope;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

@HearthTest
@RecordApplicationEvents
class ConsentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    TenantManagement tenantManagement;

    @Autowired
    PrivacyManagement privacy;

    @Autowired
    ApplicationEvents events;

    Api api;
    TestTenant shop;

    @BeforeEach
    void aShop() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void aCustomerWhoOptsInToEmailMayBeEmailedButNotTexted() {
        Response answer = post("carla", """
                {"purpose": "marketing", "channel": "email", "granted": true, "source": "api",
                 "proof": "form=newsletter-footer ip=203.0.113.7"}
                """);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("recorded").asBoolean()).isTrue();
        JsonNode allowed = answer.json().get("allowed").get("marketing");
        assertThat(allowed.get("email").asBoolean()).isTrue();
        assertThat(allowed.get("sms").asBoolean()).isFalse();
        assertThat(privacy.mayUse(shop.id(), CustomerId.of("carla"), Purpose.MARKETING, Channel.EMAIL))
                .isTrue();
    }

    @Test
    void theSameChangeSentTwiceIsOneEntry() {
        String change = """
                {"purpose": "marketing", "granted": true, "occurredAt": "2026-11-20T10:00:00Z", "proof": "form=42"}
                """;

        Response first = post("dan", change);
        Response again = post("dan", change);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("recorded").asBoolean()).isFalse();
        assertThat(again.json().get("history").size()).isEqualTo(1);
    }

    @Test
    void onlyAChangeOfStateIsAnnounced() {
        CustomerId kim = CustomerId.of("kim");
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        ConsentChange optIn = new ConsentChange(kim, Purpose.MARKETING, Channel.SMS, true, "api", at, "form=7");

        assertThat(privacy.recordConsent(shop.id(), optIn)).isTrue();
        assertThat(privacy.recordConsent(shop.id(), optIn)).isFalse();
        privacy.recordConsent(
                shop.id(),
                new ConsentChange(kim, Purpose.MARKETING, Channel.SMS, true, "identify", at.plusSeconds(5), null));
        privacy.recordConsent(
                shop.id(),
                new ConsentChange(kim, Purpose.MARKETING, Channel.SMS, false, "api", at.plusSeconds(9), null));

        // Events published in this (the test's) thread are recorded; HTTP requests run on server threads.
        assertThat(events.stream(ConsentChanged.class))
                .containsExactly(
                        new ConsentChanged(shop.id(), kim, Purpose.MARKETING, Channel.SMS, true),
                        new ConsentChanged(shop.id(), kim, Purpose.MARKETING, Channel.SMS, false));
        assertThat(privacy.consentHistory(shop.id(), kim)).hasSize(3);
    }

    @Test
    void historyIsNewestFirstAndTheCurrentStateFollowsTheNewestChange() {
        post("eve", """
                {"purpose": "marketing", "granted": true, "occurredAt": "2026-11-01T10:00:00Z"}""");
        post("eve", """
                {"purpose": "marketing", "granted": false, "occurredAt": "2026-11-10T10:00:00Z", "source": "unsubscribe-link"}""");
        // An old import arriving late joins the history without overriding the newer withdrawal.
        post("eve", """
                {"purpose": "marketing", "granted": true, "occurredAt": "2026-10-01T10:00:00Z", "source": "import"}""");

        JsonNode document =
                api.get("/v1/customers/eve/consents", bearer(shop.adminKey())).json();

        assertThat(document.get("history").values().stream()
                        .map(entry -> entry.get("occurredAt").asString() + " "
                                + entry.get("granted").asBoolean()))
                .containsExactly(
                        "2026-11-10T10:00:00Z false", "2026-11-01T10:00:00Z true", "2026-10-01T10:00:00Z true");
        assertThat(document.get("current")).singleElement().satisfies(current -> {
            assertThat(current.get("granted").asBoolean()).isFalse();
            assertThat(current.get("source").asString()).isEqualTo("unsubscribe-link");
        });
        assertThat(document.get("allowed").get("marketing").get("email").asBoolean())
                .isFalse();
    }

    @Test
    void unknownPurposeAndChannelAreProblemsNamingTheFields() {
        Response answer = post("fay", """
                {"purpose": "telepathy", "channel": "pigeon", "granted": "yes", "colour": "blue"}
                """);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo("privacy.invalid-consent");
        assertThat(answer.json().get("errors").values().stream()
                        .map(error -> error.get("pointer").asString()))
                .containsExactlyInAnyOrder("/purpose", "/channel", "/granted", "/colour");
        assertThat(answer.json().get("errors").toString())
                .contains("marketing, personalization, profiling, analytics")
                .contains("email, sms, push, any");
    }

    @Test
    void anOversizedProofAndABadSourceAreRefused() {
        Response answer = post("gus", """
                {"purpose": "analytics", "granted": false, "source": "Shop Admin!", "proof": "%s"}
                """.formatted("x".repeat(2049)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").values().stream()
                        .map(error -> error.get("pointer").asString()))
                .containsExactlyInAnyOrder("/source", "/proof");
    }

    @Test
    void readingTakesTheReadScopeAndChangingTakesAdmin() {
        String readOnly = tenantManagement
                .createApiKey(shop.id(), "reader", EnumSet.of(Scope.READ), null)
                .secret();

        Response read = api.get("/v1/customers/hal/consents", bearer(readOnly));
        Response change = api.post(
                "/v1/customers/hal/consents", bearer(readOnly), "{\"purpose\":\"marketing\",\"granted\":true}");

        assertThat(read.status()).isEqualTo(200);
        assertThat(change.status()).isEqualTo(403);
        assertThat(change.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBatchRecordsEveryChangeAndAnnouncesOnlyChangesOfState() {
        CustomerId ivy = CustomerId.of("ivy");
        Instant monday = Instant.parse("2026-11-16T09:00:00Z");
        List<ConsentChange> changes = List.of(
                new ConsentChange(ivy, Purpose.MARKETING, Channel.ANY, true, "import", monday, null),
                new ConsentChange(ivy, Purpose.MARKETING, Channel.ANY, true, "api", monday.plusSeconds(60), null),
                new ConsentChange(ivy, Purpose.ANALYTICS, Channel.ANY, false, "import", monday, null),
                new ConsentChange(ivy, Purpose.ANALYTICS, Channel.ANY, false, "import", monday, null));

        int recorded = privacy.recordConsents(shop.id(), changes);

        assertThat(recorded).isEqualTo(3);
        assertThat(privacy.consentHistory(shop.id(), ivy)).hasSize(3);
        assertThat(privacy.currentConsents(shop.id(), ivy).current()).hasSize(2);
        assertThat(events.stream(ConsentChanged.class))
                .containsExactlyInAnyOrder(
                        new ConsentChanged(shop.id(), ivy, Purpose.MARKETING, Channel.ANY, true),
                        new ConsentChanged(shop.id(), ivy, Purpose.ANALYTICS, Channel.ANY, false));
    }

    @Test
    void consentFromAnIdentifyMessageIsRecordedOnceHoweverOftenItIsFed() {
        CustomerId jo = CustomerId.of("jo");
        JsonNode identify =
                tools.jackson.databind.json.JsonMapper.builder().build().readTree("""
                {"type": "identify", "userId": "jo", "messageId": "msg-7", "timestamp": "2026-11-20T08:00:00Z",
                 "traits": {"email_opt_in": true},
                 "context": {"consent": {"categoryPreferences": {"analytics": false}}}}
                """);

        privacy.recordConsents(shop.id(), PrivacyManagement.consentsFromSegment(jo, identify));
        privacy.recordConsents(shop.id(), PrivacyManagement.consentsFromSegment(jo, identify));

        assertThat(privacy.consentHistory(shop.id(), jo)).hasSize(2);
        assertThat(privacy.mayUse(shop.id(), jo, Purpose.MARKETING, Channel.EMAIL))
                .isTrue();
        assertThat(privacy.mayUse(shop.id(), jo, Purpose.MARKETING, Channel.SMS))
                .isFalse();
        assertThat(privacy.mayUse(shop.id(), jo, Purpose.ANALYTICS, Channel.ANY))
                .isFalse();
    }

    private Response post(String customer, String body) {
        return api.post("/v1/customers/" + customer + "/consents", bearer(shop.adminKey()), body);
    }
}
