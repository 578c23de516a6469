package io.hearth.platform;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import jakarta.servlet.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The shared request path stays lean (no filter a keyed, stateless API does not need, no observation
 * wrapped around each security filter) without losing what callers and operators see: the default
 * security headers, no session, problem details for 401 and 403, and the request timer.
 */
@HearthTest
class RequestPathTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    List<SecurityFilterChain> chains;

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter springSecurityFilterChain;

    @Test
    void theApiChainRunsOnlyTheFiltersAKeyedApiNeeds() {
        SecurityFilterChain api = chains.stream()
                .filter(chain -> chain.getFilters().stream().anyMatch(ApiKeyAuthenticationFilter.class::isInstance))
                .findFirst()
                .orElseThrow();

        assertThat(api.getFilters())
                .extracting(filter -> filter.getClass().getSimpleName())
                .containsExactly(
                        "WebAsyncManagerIntegrationFilter",
                        "HeaderWriterFilter",
                        "ApiKeyAuthenticationFilter",
                        "ExceptionTranslationFilter",
                        "AuthorizationFilter");
    }

    @Test
    void securityFiltersAreNotEachWrappedInAnObservation() {
        FilterChainProxy proxy = (FilterChainProxy) springSecurityFilterChain;

        assertThat(ReflectionTestUtils.getField(proxy, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }

    @Test
    void keyedAnswersCarryTheDefaultSecurityHeadersAndNoSession() {
        TestTenant shop = tenants.create();

        Response answer = new Api(port).get("/v1/sources", bearer(shop.adminKey()));

        assertThat(answer.status()).isEqualTo(200);
        assertDefaultHeaders(answer);
        assertThat(answer.header("Set-Cookie")).isEmpty();
    }

    @Test
    void refusalsAreProblemDetailsWithTheSameHeaders() {
        TestTenant shop = tenants.create();
        Api api = new Api(port);

        Response noKey = api.get("/v1/sources", "");
        Response badKey = api.get("/v1/sources", bearer("hk_not_a_key"));
        Response writeKeyOnAdmin = api.get("/v1/sources", basic(shop.writeKey()));

        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.json().get("code").asString()).isEqualTo("tenancy.unauthenticated");
        assertThat(badKey.status()).isEqualTo(401);
        assertThat(badKey.header("WWW-Authenticate")).contains("Bearer");
        assertThat(writeKeyOnAdmin.status()).isEqualTo(403);
        assertThat(writeKeyOnAdmin.json().get("code").asString()).isEqualTo("tenancy.forbidden");
        for (Response refused : List.of(noKey, badKey, writeKeyOnAdmin)) {
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Set-Cookie")).isEmpty();
        }
        assertDefaultHeaders(noKey);
        assertDefaultHeaders(writeKeyOnAdmin);
    }

    @Test
    void everyRequestIsStillTimedForPrometheus() {
        TestTenant shop = tenants.create();
        Api api = new Api(port);
        api.get("/v1/sources", bearer(shop.adminKey()));

        String metrics = api.get("/actuator/prometheus", "").body();

        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/v1/sources\"[^}]*} [1-9]");
    }

    private static void assertDefaultHeaders(Response answer) {
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Cache-Control")).contains("no-store");
    }
}
