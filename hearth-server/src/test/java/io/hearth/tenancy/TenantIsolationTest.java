package io.hearth.tenancy;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Walks every endpoint of the OpenAPI document with tenant A's keys while tenant B has data, and
 * checks that nothing of B comes back. New endpoints are walked without changing this test.
 */
@HearthTest
class TenantIsolationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    TenantManagement tenantManagement;

    Api api;
    TestTenant a;
    TestTenant b;
    String bMarker;

    @BeforeEach
    void twoTenants() {
        api = new Api(port);
        a = tenants.create();
        b = tenants.create();
        bMarker = "only-b-" + b.id();
        api.post("/v1/track", basic(b.writeKey()), "{\"userId\":\"" + bMarker + "\",\"event\":\"Secret\"}");
        api.post("/v1/identify", basic(b.writeKey()), "{\"userId\":\"" + bMarker + "\",\"traits\":{}}");
        api.post("/v1/track", basic(a.writeKey()), "{\"userId\":\"a-user\",\"event\":\"Mine\"}");
    }

    @Test
    void everyEndpointAnswersTenantAWithoutAnyOfTenantBsData() {
        List<String> walked = new ArrayList<>();
        JsonNode paths = api.get("/v3/api-docs", "").json().get("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (String method : path.getValue().propertyNames()) {
                String concrete = withTenantBIds(path.getKey());
                Response answer = call(method, concrete);
                walked.add(method + " " + path.getKey() + " -> " + answer.status());
                // Problem details echo the requested path; only what the server adds may not leak.
                assertThat(answer.body().replace(concrete, ""))
                        .as(method + " " + path.getKey())
                        .doesNotContain(bMarker)
                        .doesNotContain(b.sourceId().toString())
                        .doesNotContain(b.id().toString());
            }
        }
        System.out.println("walked with tenant A's keys:\n  " + String.join("\n  ", walked));
        assertThat(walked).anyMatch(line -> line.startsWith("get /v1/events"));
    }

    @Test
    void tenantACannotRevokeTenantBsKeys() {
        ApiKey bKey = tenantManagement.apiKeys(b.id()).get(0);

        Response answer = api.delete("/v1/api-keys/" + bKey.keyId(), bearer(a.adminKey()));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(tenantManagement.apiKeys(b.id()).get(0).revoked()).isEmpty();
    }

    @Test
    void eventsSentWithAsKeyNeverLandInB() {
        api.post("/v1/track", basic(a.writeKey()), "{\"userId\":\"" + bMarker + "\",\"event\":\"Spoof\"}");

        JsonNode bEvents = api.get("/v1/events?type=track&userId=" + bMarker, bearer(b.adminKey()))
                .json()
                .get("data");

        assertThat(bEvents.values().stream().map(event -> event.get("event").asString()))
                .containsExactly("Secret");
    }

    private Response call(String method, String path) {
        String bodyless = "{}";
        return switch (method) {
            case "get" -> api.get(path, bearer(a.adminKey()));
            case "delete" -> api.delete(path, bearer(a.adminKey()));
            default ->
                path.startsWith("/v1/webhooks")
                        ? api.post(path, "", bodyless)
                        : api.post(path, bearer(a.adminKey()), bodyless);
        };
    }

    /** Fills path parameters with tenant B's ids, the ones an attacker from A would try. */
    private String withTenantBIds(String template) {
        String keyId = tenantManagement.apiKeys(b.id()).get(0).keyId().toString();
        return template.replace("{type}", "track")
                .replaceAll("\\{sourceId}", b.sourceId().toString())
                .replaceAll("\\{keyId}", keyId)
                .replaceAll("\\{customerId}", bMarker)
                .replaceAll("\\{[^}]+}", b.sourceId().toString());
    }
}
