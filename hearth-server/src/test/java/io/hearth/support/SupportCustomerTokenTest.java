package io.hearth.support;

import static io.hearth.testing.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The chat widget's signed customer token over real HTTP: the shop's backend signs its signed-in
 * customer's user id under the widget secret, the browser sends it with the public write key, and only
 * then does the assistant answer about her orders. Without it a chat is anonymous and reveals none.
 */
@HearthTest
class SupportCustomerTokenTest {

    private static final String HEADER = "Hearth-Customer-Token";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    SupportShop shop;
    String secret;

    @BeforeEach
    void setUp() {
        shop = new SupportShop(new Api(port), tenants.create());
        Api.Response rotated = shop.post("/v1/support/admin/widget-secret", "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        secret = rotated.json().get("secret").asString();
    }

    @Test
    void aSignedInCustomersChatAnswersFromHerOrdersAndNeedsHerTokenOnEveryCall() {
        shop.annaWithOrders();
        String token = token(secret, "anna", Instant.now().plus(Duration.ofHours(1)));

        Api.Response started = send("POST", "/v1/support/conversations", token, "{\"channel\":\"chat\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String conversation = started.json().get("conversationId").asString();
        assertThat(!started.json().hasNonNull("customerId"))
                .as("the browser is not told the customer id")
                .isTrue();

        JsonNode status = send("POST", messages(conversation), token, "{\"text\":\"where is my order 10002\"}")
                .json();
        assertThat(status.get("automation").asString()).isEqualTo("order_status");
        assertThat(status.get("answer").get("text").asString())
                .contains("10002")
                .contains("delivered");

        Api.Response withoutToken = send("GET", "/v1/support/conversations/" + conversation, null, null);
        assertProblemNamingTheHeader(withoutToken, "is required");
        Api.Response postWithoutToken = send("POST", messages(conversation), null, "{\"text\":\"and 10001?\"}");
        assertProblemNamingTheHeader(postWithoutToken, "is required");

        shop.track("ben", "20001", "Order Completed", ",\"total\":10");
        String bens = token(secret, "ben", Instant.now().plus(Duration.ofHours(1)));
        assertProblemNamingTheHeader(
                send("GET", "/v1/support/conversations/" + conversation, bens, null), "another customer");

        Api.Response withToken = send("GET", "/v1/support/conversations/" + conversation, token, null);
        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withToken.json().get("messages")).hasSize(2);
    }

    @Test
    void anAnonymousChatRevealsNoOrderAndAsksTheCustomerToSignInUntilSheDoes() {
        shop.annaWithOrders();
        Api.Response started = send("POST", "/v1/support/conversations", null, "{\"channel\":\"chat\"}");
        String conversation = started.json().get("conversationId").asString();

        JsonNode anonymous = send("POST", messages(conversation), null, "{\"text\":\"where is my order 10002\"}")
                .json();
        String answer = anonymous.get("answer").get("text").asString();
        assertThat(answer).contains("sign in").doesNotContain("delivered").doesNotContain("shipped");

        String token = token(secret, "anna", Instant.now().plus(Duration.ofMinutes(30)));
        JsonNode signedIn = send("POST", messages(conversation), token, "{\"text\":\"where is my order 10002\"}")
                .json();
        assertThat(signedIn.get("answer").get("text").asString())
                .contains("10002")
                .contains("delivered");
        assertProblemNamingTheHeader(
                send("GET", "/v1/support/conversations/" + conversation, null, null), "is required");
    }

    @Test
    void badExpiredAndForgedTokensAreProblemsNamingTheHeader() {
        String start = "/v1/support/conversations";
        String body = "{\"channel\":\"chat\"}";
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1));

        assertProblemNamingTheHeader(
                send("POST", start, token(secret, "anna", Instant.now().minusSeconds(5)), body), "expired");
        assertProblemNamingTheHeader(
                send("POST", start, token("hws_not-the-secret", "anna", inAnHour), body), "not signed");
        assertProblemNamingTheHeader(send("POST", start, "not-a-token", body), "JSON Web Token");
        assertProblemNamingTheHeader(
                send("POST", start, token(secret, "anna", Instant.now().plus(Duration.ofDays(30))), body), "24 hours");
        String unsigned = b64("{\"alg\":\"none\"}") + "."
                + b64("{\"sub\":\"anna\",\"exp\":" + inAnHour.getEpochSecond() + "}") + ".";
        assertProblemNamingTheHeader(send("POST", start, unsigned, body), "HS256");
        String noSubject = signed(secret, "{\"exp\":" + inAnHour.getEpochSecond() + "}");
        assertProblemNamingTheHeader(send("POST", start, noSubject, body), "sub");
    }

    @Test
    void rotatingKeepsThePreviousSecretFor24HoursUnlessItIsRevokedAndNeverShowsTheSecretAgain() {
        String old = token(secret, "anna", Instant.now().plus(Duration.ofHours(1)));

        Api.Response rotated = shop.post("/v1/support/admin/widget-secret", "");
        String fresh = rotated.json().get("secret").asString();
        assertThat(fresh).startsWith("hws_").isNotEqualTo(secret);
        assertThat(Instant.parse(rotated.json().get("previousValidUntil").asString()))
                .isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(send("POST", "/v1/support/conversations", old, "{}").status())
                .isEqualTo(201);
        assertThat(send(
                                "POST",
                                "/v1/support/conversations",
                                token(fresh, "anna", Instant.now().plusSeconds(600)),
                                "{}")
                        .status())
                .isEqualTo(201);

        Api.Response revoked = shop.post("/v1/support/admin/widget-secret?revokePrevious=true", "");
        assertThat(revoked.json().hasNonNull("previousValidUntil")).isFalse();
        assertProblemNamingTheHeader(send("POST", "/v1/support/conversations", old, "{}"), "not signed");

        Api.Response shown = shop.get("/v1/support/admin/widget-secret");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body())
                .doesNotContain(revoked.json().get("secret").asString())
                .doesNotContain("hws_");
        Api.Response byWriteKey = shop.api.post("/v1/support/admin/widget-secret", basic(shop.shop.writeKey()), "");
        assertThat(byWriteKey.status()).isIn(401, 403);
    }

    private Api.Response send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(shop.shop.writeKey()))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header(HEADER, token);
        }
        return shop.api.send(request);
    }

    private static void assertProblemNamingTheHeader(Api.Response response, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).isEqualTo("support.invalid-customer-token");
        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo(HEADER);
        assertThat(problem.get("errors").get(0).get("detail").asString()).contains(detail);
    }

    private static String messages(String conversation) {
        return "/v1/support/conversations/" + conversation + "/messages";
    }

    /** What the shop's backend does, with no Hearth code: an HS256 JSON Web Token. */
    static String token(String secret, String userId, Instant expires) {
        return signed(secret, "{\"sub\":\"" + userId + "\",\"exp\":" + expires.getEpochSecond() + "}");
    }

    private static String signed(String secret, String claims) {
        String content = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
            return content + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
