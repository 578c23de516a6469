package io.hearth.ingestion;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The registry's admin API, and identify traits checked against it at ingestion. */
@HearthTest
class AttributeRegistryTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    Api api;
    TestTenant shop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void definitionsAreCreatedReplacedListedAndRemoved() {
        Response created = define("tier", """
                {"type": "enum", "values": ["bronze", "silver", "gold"], "description": "loyalty tier"}""");
        Response replaced = define("tier", """
                {"type": "enum", "values": ["bronze", "silver", "gold", "platinum"], "required": true}""");
        define("age", """
                {"type": "number", "minimum": 13, "maximum": 120}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode tier = api.get("/v1/attributes/tier", bearer(shop.adminKey())).json();
        assertThat(tier.get("required").asBoolean()).isTrue();
        assertThat(tier.get("values")).hasSize(4);
        assertThat(tier.has("description")).isFalse();
        JsonNode all = api.get("/v1/attributes", bearer(shop.adminKey())).json().get("data");
        assertThat(all.values().stream().map(d -> d.get("name").asString())).containsExactly("age", "tier");
        assertThat(all.get(0).get("minimum").decimalValue()).isEqualByComparingTo("13");

        assertThat(api.delete("/v1/attributes/tier", bearer(shop.adminKey())).status())
                .isEqualTo(204);
        Response gone = api.get("/v1/attributes/tier", bearer(shop.adminKey()));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("code").asString()).isEqualTo("ingestion.unknown-attribute");
        assertThat(api.delete("/v1/attributes/tier", bearer(shop.adminKey())).status())
                .isEqualTo(404);
    }

    @Test
    void aBadDefinitionIsAProblemNamingEveryFieldAtFault() {
        Response answer = define("plan", """
                {"type": "enum", "values": ["a", "a"], "maxLength": 5, "colour": "red"}""");
        Response badName = define("has-dash", """
                {"type": "string"}""");
        Response badType = define("plan", """
                {"type": "text", "minimum": 1}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo("ingestion.invalid-attribute");
        assertThat(pointers(answer)).containsExactlyInAnyOrder("/colour", "/values/1", "/maxLength");
        assertThat(pointers(badName)).containsExactly("/name");
        assertThat(pointers(badType)).containsExactly("/type", "/minimum");
    }

    @Test
    void identifyTraitsAreCheckedAgainstTheDefinitions() {
        define("age", """
                {"type": "number", "minimum": 13}""");
        define("tier", """
                {"type": "enum", "values": ["silver", "gold"], "required": true}""");
        define("vip", """
                {"type": "boolean"}""");
        define("birthday", """
                {"type": "date"}""");
        define("nickname", """
                {"type": "string", "maxLength": 8}""");

        Response bad = identify("""
                {"userId": "u1", "traits": {"age": 9, "vip": "yes", "birthday": "24/11/2001",
                 "nickname": "much too long", "plan": "anything goes"}}""");
        Response missing = identify("""
                {"userId": "u1", "traits": {"age": 30}}""");
        Response good = identify("""
                {"userId": "u1", "traits": {"age": "30", "tier": "gold", "vip": true,
                 "birthday": "2001-11-24", "nickname": "ada", "plan": "anything goes"}}""");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asString()).isEqualTo("ingestion.invalid-event");
        assertThat(pointers(bad))
                .containsExactlyInAnyOrder(
                        "/traits/age", "/traits/tier", "/traits/vip", "/traits/birthday", "/traits/nickname");
        assertThat(pointers(missing)).containsExactly("/traits/tier");
        assertThat(good.status()).isEqualTo(200);
        JsonNode stored =
                api.get("/v1/events?userId=u1", bearer(shop.adminKey())).json().get("data");
        assertThat(stored).hasSize(1);
        // A number sent as a string is stored as a number.
        assertThat(stored.get(0).get("traits").get("age").isNumber()).isTrue();
    }

    @Test
    void aBatchKeepsItsValidEventsAndNamesTheTraitAtFault() {
        define("age", """
                {"type": "number", "maximum": 120}""");

        Response answer = api.post("/v1/batch", basic(shop.writeKey()), """
                {"batch": [
                  {"type": "identify", "userId": "b1", "traits": {"age": 41}},
                  {"type": "identify", "userId": "b2", "traits": {"age": 400}},
                  {"type": "track", "userId": "b2", "event": "Signed Up", "properties": {"age": 400}}
                ]}""");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
        JsonNode rejected = answer.json().get("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).get("errors").get(0).get("pointer").asString())
                .isEqualTo("/batch/1/traits/age");
        assertThat(rejected.get(0).get("errors").get(0).get("detail").asString())
                .isEqualTo("must be at most 120");
    }

    @Test
    void removingADefinitionAcceptsTheTraitAsItComesAgain() {
        define("age", """
                {"type": "number"}""");
        assertThat(identify("{\"userId\": \"r1\", \"traits\": {\"age\": \"old\"}}")
                        .status())
                .isEqualTo(400);

        api.delete("/v1/attributes/age", bearer(shop.adminKey()));

        assertThat(identify("{\"userId\": \"r1\", \"traits\": {\"age\": \"old\"}}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void onlyAnAdminKeyMayDefine() {
        Response withWriteKey = api.put("/v1/attributes/age", basic(shop.writeKey()), "{\"type\": \"number\"}");

        assertThat(withWriteKey.status()).isIn(401, 403);
        assertThat(api.get("/v1/attributes", bearer(shop.adminKey())).json().get("data"))
                .isEmpty();
    }

    private Response define(String name, String body) {
        return api.put("/v1/attributes/" + name, bearer(shop.adminKey()), body);
    }

    private Response identify(String body) {
        return api.post("/v1/identify", basic(shop.writeKey()), body);
    }

    private static List<String> pointers(Response answer) {
        return answer.json().get("errors").values().stream()
                .map(error -> error.get("pointer").asString())
                .toList();
    }
}
