package io.hearth.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.Scope;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in to the console over plain HTTP: redirects, CSRF, scopes, sign-out and revocation. */
@HearthTest
class ConsoleSignInTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    TenantManagement tenantManagement;

    Browser browser;
    TestTenant shop;

    @BeforeEach
    void setUp() {
        browser = new Browser("http://localhost:" + port);
        shop = tenants.create();
    }

    @Test
    void theRootAndTheConsoleLeadAVisitorWithoutSessionToTheLoginPage() {
        assertThat(browser.get("/").headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/console"));

        HttpResponse<String> console = browser.get("/console");

        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/console/login"));
        assertThat(browser.get("/console/login").body()).contains("name=\"key\"");
    }

    @Test
    void anHtmxPollWithoutSessionIsToldToReloadTheLoginPage() {
        HttpResponse<String> poll = browser.send(
                HttpRequest.newBuilder(browser.uri("/console/activity")).header("HX-Request", "true"));

        assertThat(poll.statusCode()).isEqualTo(401);
        assertThat(poll.headers().firstValue("HX-Redirect")).hasValue("/console/login");
    }

    @Test
    void signingInWithoutTheCsrfTokenIsRefused() {
        browser.get("/console/login");

        HttpResponse<String> attempt = browser.postForm("/console/login", "key=" + shop.adminKey());

        assertThat(attempt.statusCode()).isEqualTo(403);
        assertThat(browser.get("/console").statusCode()).isEqualTo(302);
    }

    @Test
    void anAdminKeyOpensTheConsoleAndSigningOutClosesIt() {
        HttpResponse<String> signIn = browser.signIn(shop.adminKey());

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(cookie -> assertThat(cookie).contains("HttpOnly", "SameSite=Lax"));
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/console"));
        HttpResponse<String> page = browser.get("/console");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(shop.id().toString()).contains("latest-events");
        assertThat(browser.get("/console/activity").body()).contains("id=\"activity\"");

        HttpResponse<String> signOut = browser.postForm("/console/logout", "_csrf=" + browser.csrfFrom(page.body()));

        assertThat(signOut.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/console/login?signedOut"));
        assertThat(browser.get("/console").statusCode()).isEqualTo(302);
    }

    @Test
    void aReadKeyOpensTheConsoleButAnIngestKeyOrAWriteKeyDoesNot() {
        String read = tenantManagement
                .createApiKey(shop.id(), "analyst", Set.of(Scope.READ), null)
                .secret();
        String ingest = tenantManagement
                .createApiKey(shop.id(), "pipeline", Set.of(Scope.INGEST), null)
                .secret();

        assertThat(new Browser(browser.base).signIn(read).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/console"));
        assertThat(new Browser(browser.base).signIn(ingest).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/console/login?error"));
        assertThat(new Browser(browser.base).signIn(shop.writeKey()).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/console/login?error"));
    }

    @Test
    void revokingTheKeyEndsTheSession() {
        var issued = tenantManagement.createApiKey(shop.id(), "temporary", Set.of(Scope.ADMIN), null);
        browser.signIn(issued.secret());
        assertThat(browser.get("/console").statusCode()).isEqualTo(200);

        tenantManagement.revokeApiKey(shop.id(), issued.id());

        HttpResponse<String> after = browser.get("/console");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/console/login?expired"));
    }

    @Test
    void theApiStillAnswersWithProblemDetailsAndNoSession() {
        Api.Response events = new Api(port).get("/v1/events", "");

        assertThat(events.status()).isEqualTo(401);
        assertThat(events.contentType()).startsWith("application/problem+json");
        assertThat(events.header("Set-Cookie")).isEmpty();
    }

    /** A cookie-keeping HTTP client that does not follow redirects, so each hop can be checked. */
    static final class Browser {
        final String base;
        private final HttpClient http;

        Browser(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        URI uri(String path) {
            return URI.create(base + path);
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> postForm(String path, String form) {
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> signIn(String key) {
            String token = csrfFrom(get("/console/login").body());
            return postForm(
                    "/console/login", "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&_csrf=" + token);
        }

        String csrfFrom(String html) {
            Matcher matcher = CSRF.matcher(html);
            assertThat(matcher.find()).as("a CSRF field in the form").isTrue();
            return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
