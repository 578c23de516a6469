package io.hearth.profiles;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@HearthTest
class ProfilesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    io.hearth.privacy.PrivacyManagement privacy;

    @Autowired
    ProfileManagement profiles;

    Api api;
    TestTenant shop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void anonymousBrowsingJoinsTheProfileAtSignUp() {
        send("/v1/page", "{\"anonymousId\":\"visitor-1\",\"name\":\"Home\",\"timestamp\":\"2026-01-01T10:00:00Z\"}");
        send(
                "/v1/track",
                "{\"anonymousId\":\"visitor-1\",\"event\":\"Product Viewed\",\"properties\":{\"product_id\":\"p\"},\"timestamp\":\"2026-01-01T10:01:00Z\"}");
        send(
                "/v1/identify",
                "{\"userId\":\"ada\",\"anonymousId\":\"visitor-1\",\"traits\":{\"email\":\" Ada@Example.com \",\"first_name\":\"Ada\"},\"timestamp\":\"2026-01-01T10:05:00Z\"}");

        JsonNode profile = awaitProfile(
                "userId=ada", p -> p.get("computed").get("eventsCount").asLong() == 3);

        assertThat(lookup("anonymousId=visitor-1").get("customerId")).isEqualTo(profile.get("customerId"));
        assertThat(lookup("email=ADA@example.com").get("customerId")).isEqualTo(profile.get("customerId"));
        assertThat(profile.get("traits").get("first_name").asString()).isEqualTo("Ada");
        JsonNode timeline = api.get("/v1/customers/" + id(profile) + "/timeline", bearer(shop.adminKey()))
                .json();
        assertThat(timeline.get("data").values().stream()
                        .map(entry -> entry.get("type").asString()))
                .containsExactly("identify", "track", "page");
    }

    @Test
    void aRegisteredTraitInAnEventsContextIsKeptOnlyWhenItFitsItsDefinition() {
        assertThat(api.put(
                                "/v1/attributes/plan",
                                bearer(shop.adminKey()),
                                "{\"type\": \"enum\", \"values\": [\"gold\", \"silver\"]}")
                        .status())
                .isEqualTo(201);
        send(
                "/v1/identify",
                "{\"userId\":\"vip\",\"traits\":{\"plan\":\"gold\"},\"timestamp\":\"2026-01-01T10:00:00Z\"}");
        send(
                "/v1/track",
                "{\"userId\":\"vip\",\"event\":\"Product Viewed\",\"properties\":{\"product_id\":\"p\"},"
                        + "\"context\":{\"traits\":{\"plan\":\"platinum\",\"nickname\":\"V\"}},"
                        + "\"timestamp\":\"2026-01-01T10:01:00Z\"}");

        JsonNode profile = awaitProfile(
                "userId=vip", p -> p.get("computed").get("eventsCount").asLong() == 2);

        assertThat(profile.get("traits").get("plan").asString())
                .as("platinum breaks the enum")
                .isEqualTo("gold");
        assertThat(profile.get("traits").get("nickname").asString()).isEqualTo("V");

        send(
                "/v1/track",
                "{\"userId\":\"vip\",\"event\":\"Product Viewed\",\"properties\":{\"product_id\":\"q\"},"
                        + "\"context\":{\"traits\":{\"plan\":\"silver\"}},"
                        + "\"timestamp\":\"2026-01-01T10:02:00Z\"}");

        JsonNode later = awaitProfile(
                "userId=vip", p -> p.get("computed").get("eventsCount").asLong() == 3);
        assertThat(later.get("traits").get("plan").asString()).as("silver fits").isEqualTo("silver");
    }

    @Test
    void computedAttributesFollowOrdersRefundsAndEngagement() {
        send("/v1/track", order("o-1", "40.00", "2026-02-01T09:00:00Z", "Kitchen"));
        send("/v1/track", order("o-2", "60.00", "2026-03-01T09:00:00Z", "Garden"));
        send(
                "/v1/track",
                order("o-2", "60.00", "2026-03-01T09:00:00Z", "Garden")
                        .replace("\"messageId\":\"o-2\"", "\"messageId\":\"o-2-again\""));
        send(
                "/v1/track",
                "{\"userId\":\"buyer\",\"event\":\"Order Refunded\",\"properties\":{\"order_id\":\"o-1\",\"total\":15},\"timestamp\":\"2026-03-05T09:00:00Z\"}");
        send(
                "/v1/track",
                "{\"userId\":\"buyer\",\"event\":\"Email Opened\",\"properties\":{},\"timestamp\":\"2026-03-06T09:00:00Z\"}");
        send(
                "/v1/track",
                "{\"userId\":\"buyer\",\"event\":\"Email Link Clicked\",\"properties\":{},\"timestamp\":\"2026-03-06T09:01:00Z\"}");
        send("/v1/page", "{\"userId\":\"buyer\",\"name\":\"Home\",\"timestamp\":\"2026-03-07T09:00:00Z\"}");

        JsonNode computed = awaitProfile(
                        "userId=buyer",
                        p -> p.get("computed").get("eventsCount").asLong() == 7)
                .get("computed");

        assertThat(computed.get("ordersCount").asLong()).isEqualTo(2);
        assertThat(computed.get("revenue").decimalValue()).isEqualByComparingTo("100");
        assertThat(computed.get("averageOrderValue").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(computed.get("currency").asString()).isEqualTo("EUR");
        assertThat(computed.get("firstOrderAt").asString()).isEqualTo("2026-02-01T09:00:00Z");
        assertThat(computed.get("lastOrderAt").asString()).isEqualTo("2026-03-01T09:00:00Z");
        assertThat(computed.get("refundsCount").asLong()).isEqualTo(1);
        assertThat(computed.get("refundedAmount").decimalValue()).isEqualByComparingTo("15");
        assertThat(computed.get("topCategories").values().stream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("Kitchen", "Garden");
        assertThat(computed.get("engagementByChannel").get("email").asLong()).isEqualTo(2);
        assertThat(computed.get("preferredChannel").asString()).isEqualTo("email");
        assertThat(computed.get("rfm").get("frequency").asInt()).isBetween(1, 5);
        assertThat(computed.get("daysSinceLastOrder").asLong()).isGreaterThan(0);
    }

    @Test
    void aSharedEmailMergesTwoProfilesAndUnmergeRestoresBoth() {
        send("/v1/identify", "{\"userId\":\"first\",\"traits\":{\"email\":\"same@example.com\",\"plan\":\"gold\"}}");
        send("/v1/track", order("m-1", "10", "2026-01-10T00:00:00Z", "A").replace("\"buyer\"", "\"second\""));
        JsonNode secondBefore = awaitProfile(
                "userId=second", p -> p.get("computed").get("ordersCount").asLong() == 1);
        awaitProfile("userId=first", p -> true);
        send("/v1/identify", "{\"userId\":\"second\",\"traits\":{\"email\":\"same@example.com\"}}");

        JsonNode merged =
                awaitProfile("userId=second", p -> p.get("identifiers").size() == 3);
        assertThat(lookup("userId=first").get("customerId")).isEqualTo(merged.get("customerId"));
        assertThat(merged.get("computed").get("ordersCount").asLong()).isEqualTo(1);
        JsonNode merges = api.get("/v1/customers/" + id(merged) + "/merges", bearer(shop.adminKey()))
                .json()
                .get("data");
        assertThat(merges).hasSize(1);
        String absorbed = merges.get(0).get("absorbed").asString();

        Response undone = api.post("/v1/customers/" + absorbed + "/unmerge", bearer(shop.adminKey()), "");

        assertThat(undone.status()).isEqualTo(200);
        JsonNode first = lookup("userId=first");
        JsonNode second = lookup("userId=second");
        assertThat(first.get("customerId")).isNotEqualTo(second.get("customerId"));
        assertThat(second.get("customerId").asString())
                .isEqualTo(secondBefore.get("customerId").asString());
        assertThat(second.get("computed").get("ordersCount").asLong()).isEqualTo(1);
        assertThat(first.get("computed").get("ordersCount").asLong()).isZero();
        JsonNode history = api.get("/v1/customers/" + absorbed + "/merges", bearer(shop.adminKey()))
                .json()
                .get("data");
        assertThat(history.get(0).get("undoneAt").isNull()).isFalse();
        assertThat(api.post("/v1/customers/" + absorbed + "/unmerge", bearer(shop.adminKey()), "")
                        .status())
                .isEqualTo(409);
    }

    /** Many identifier values resolved at once, in two queries, follow merges to the live profile. */
    @Test
    void customerIdsOfManyValuesFollowMerges() {
        send("/v1/identify", "{\"userId\":\"one\",\"traits\":{\"email\":\"both@example.com\"}}");
        send("/v1/identify", "{\"userId\":\"two\"}");
        awaitProfile("userId=one", p -> true);
        awaitProfile("userId=two", p -> true);
        send("/v1/identify", "{\"userId\":\"two\",\"traits\":{\"email\":\"both@example.com\"}}");
        JsonNode merged = awaitProfile("userId=two", p -> p.get("identifiers").size() == 3);
        CustomerId live = CustomerId.of(id(merged));

        assertThat(profiles.customerIds(shop.id(), IdentifierKind.USER_ID, List.of("one", "two", "nobody")))
                .containsOnly(Map.entry("one", live), Map.entry("two", live));
        assertThat(profiles.customerIds(shop.id(), IdentifierKind.EMAIL, List.of(" Both@Example.com")))
                .containsOnly(Map.entry(" Both@Example.com", live));
        assertThat(profiles.customerIds(shop.id(), IdentifierKind.USER_ID, List.of()))
                .isEmpty();
    }

    @Test
    void consentsFollowAMergeAndItsUndoing() {
        send("/v1/identify", """
                {"userId": "opted-in", "traits": {"email": "both@example.com", "email_opt_in": true},
                 "timestamp": "2026-01-01T10:00:00Z"}""");
        awaitProfile("userId=opted-in", p -> true);
        send("/v1/identify", """
                {"userId": "opted-out", "traits": {"email_opt_in": false, "sms_opt_in": true},
                 "timestamp": "2026-01-02T10:00:00Z"}""");
        String absorbed = id(awaitProfile("userId=opted-out", p -> true));
        send("/v1/identify", """
                {"userId": "opted-out", "traits": {"email": "both@example.com"}, "timestamp": "2026-01-03T10:00:00Z"}""");
        String survivor =
                id(awaitProfile("userId=opted-out", p -> p.get("identifiers").size() == 3));

        // The newer email withdrawal of the absorbed side wins over the survivor's older opt-in.
        await().atMost(Duration.ofSeconds(10)).until(() -> !marketing(survivor, io.hearth.privacy.Channel.EMAIL));
        assertThat(marketing(survivor, io.hearth.privacy.Channel.SMS)).isTrue();

        api.post("/v1/customers/" + absorbed + "/unmerge", bearer(shop.adminKey()), "");

        assertThat(marketing(survivor, io.hearth.privacy.Channel.EMAIL)).isTrue();
        assertThat(marketing(survivor, io.hearth.privacy.Channel.SMS)).isFalse();
        assertThat(marketing(absorbed, io.hearth.privacy.Channel.EMAIL)).isFalse();
        assertThat(marketing(absorbed, io.hearth.privacy.Channel.SMS)).isTrue();
    }

    private boolean marketing(String customer, io.hearth.privacy.Channel channel) {
        return privacy.mayUse(
                shop.id(), io.hearth.shared.CustomerId.of(customer), io.hearth.privacy.Purpose.MARKETING, channel);
    }

    @Test
    void consentGivenInIdentifyTraitsReachesThePrivacyModule() {
        send(
                "/v1/identify",
                "{\"userId\":\"consenting\",\"traits\":{\"email\":\"c@example.com\",\"email_opt_in\":true}}");

        JsonNode profile = awaitProfile("userId=consenting", p -> true);
        io.hearth.shared.CustomerId customer = io.hearth.shared.CustomerId.of(id(profile));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> privacy.mayUse(
                        shop.id(), customer, io.hearth.privacy.Purpose.MARKETING, io.hearth.privacy.Channel.EMAIL));
        assertThat(privacy.mayUse(
                        shop.id(), customer, io.hearth.privacy.Purpose.MARKETING, io.hearth.privacy.Channel.SMS))
                .isFalse();
    }

    @Test
    void aliasLinksThePreviousIdToTheNewUserId() {
        send("/v1/page", "{\"anonymousId\":\"before-signup\",\"name\":\"Home\"}");
        awaitProfile("anonymousId=before-signup", p -> true);
        send("/v1/alias", "{\"previousId\":\"before-signup\",\"userId\":\"after-signup\"}");

        JsonNode profile = awaitProfile(
                "userId=after-signup", p -> p.get("computed").get("eventsCount").asLong() == 2);

        assertThat(lookup("anonymousId=before-signup").get("customerId")).isEqualTo(profile.get("customerId"));
    }

    @Test
    void phonesAreMatchedInE164() {
        send("/v1/identify", "{\"userId\":\"caller\",\"traits\":{\"phone\":\"+44 20 7946 0958\"}}");

        JsonNode profile = awaitProfile("userId=caller", p -> true);

        assertThat(lookup("phone=%2B442079460958").get("customerId")).isEqualTo(profile.get("customerId"));
        assertThat(profile.get("identifiers").values().stream()
                        .map(i -> i.get("value").asString()))
                .contains("+442079460958");
    }

    @Test
    void unknownCustomersAndBadLookupsAreProblems() {
        Response unknown = api.get("/v1/customers/nobody", bearer(shop.adminKey()));
        Response noIdentifier = api.get("/v1/customers/lookup", bearer(shop.adminKey()));
        Response twoIdentifiers = api.get("/v1/customers/lookup?email=a@b.c&userId=x", bearer(shop.adminKey()));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("profiles.unknown-customer");
        assertThat(noIdentifier.status()).isEqualTo(400);
        assertThat(twoIdentifiers.status()).isEqualTo(400);
    }

    @Test
    void profilesAreSearchableByTrait() {
        send("/v1/identify", "{\"userId\":\"g1\",\"traits\":{\"plan\":\"platinum\"}}");
        send("/v1/identify", "{\"userId\":\"g2\",\"traits\":{\"plan\":\"basic\"}}");
        awaitProfile("userId=g2", p -> true);
        awaitProfile("userId=g1", p -> true);

        JsonNode found = api.get("/v1/customers?trait=plan&value=platinum", bearer(shop.adminKey()))
                .json()
                .get("data");

        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("traits").get("plan").asString()).isEqualTo("platinum");
    }

    private static String order(String id, String total, String at, String category) {
        return "{\"userId\":\"buyer\",\"event\":\"Order Completed\",\"messageId\":\"" + id + "\",\"timestamp\":\"" + at
                + "\",\"properties\":{\"order_id\":\"" + id + "\",\"total\":\"" + total
                + "\",\"products\":[{\"product_id\":\"p\",\"category\":\"" + category
                + "\",\"price\":1,\"quantity\":1}]}}";
    }

    private void send(String path, String body) {
        assertThat(api.post(path, basic(shop.writeKey()), body).status())
                .as(body)
                .isEqualTo(200);
    }

    private JsonNode lookup(String query) {
        return api.get("/v1/customers/lookup?" + query, bearer(shop.adminKey())).json();
    }

    private JsonNode awaitProfile(String query, java.util.function.Predicate<JsonNode> ready) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            Response answer = api.get("/v1/customers/lookup?" + query, bearer(shop.adminKey()));
                            return answer.status() == 200 ? answer.json() : null;
                        },
                        profile -> profile != null && ready.test(profile));
    }

    private static String id(JsonNode profile) {
        return profile.get("customerId").asString();
    }

    static List<String> values(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }
}
