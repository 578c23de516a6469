package io.hearth.console;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.loyalty.OfferChoice;
import io.hearth.loyalty.OrderLine;
import io.hearth.loyalty.Reward;
import io.hearth.loyalty.Tier;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.ConsoleSession;
import io.hearth.testing.HeadlessChromium;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Staff see the loyalty program in a real headless Chromium: what it owes its members, the points
 * earned and redeemed today on the chart, the tier spread, one member's balance and history, and
 * the offer bandit's arms, the badges and the fairness report, each checked against the API.
 * Skipped where Debian's chromium and chromedriver are not installed.
 */
@HearthTest
class LoyaltyConsoleBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    LoyaltyManagement loyalty;

    HeadlessChromium chromium;
    WebDriver browser;
    ConsoleSession console;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(1280, 1100);
        browser = chromium.browser();
        console = new ConsoleSession(browser, port, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theProgramOverviewShowsLiabilityMovementsAndTiersAndAMemberPageTheirHistory() throws IOException {
        TestTenant shop = tenants.create();
        TestTenant rival = tenants.create();
        CustomerId anna = CustomerId.of("anna");
        loyalty.saveTiers(shop.id(), List.of(new Tier("Silver", 100)));
        loyalty.saveReward(shop.id(), new Reward("mug", "Mug", "product", 30, true, null));
        loyalty.adjust(shop.id(), anna, 150, "welcome", "staff", new Idempotency("a-1", "h"));
        loyalty.earnOrder(
                shop.id(),
                anna,
                "o-1",
                List.of(new OrderLine("1", null, null, BigDecimal.valueOf(40))),
                null,
                new Idempotency("o-1", "h"));
        loyalty.redeem(shop.id(), anna, "mug", "staff", new Idempotency("r-1", "h"));
        loyalty.adjust(shop.id(), CustomerId.of("bob"), 20, "welcome", "staff", new Idempotency("b-1", "h"));
        loyalty.adjust(rival.id(), CustomerId.of("rival-member"), 999, "rival", "staff", new Idempotency("x", "h"));

        console.signIn(shop.adminKey());
        browser.findElement(By.id("nav-loyalty")).click();
        console.waitUntil(ExpectedConditions.attributeToBe(By.id("points-chart"), "data-drawn-earned", "40"));

        assertThat(console.text(By.id("liability-available"))).isEqualTo("140");
        assertThat(console.text(By.id("liability-pending"))).isEqualTo("40");
        assertThat(console.text(By.id("members"))).isEqualTo("2");
        assertThat(console.text(By.id("tiers"))).contains("Silver 1", "No tier 1");
        assertThat(browser.getPageSource()).doesNotContain("999");
        console.screenshot(Path.of("target", "console-loyalty.png"));

        console.open("/console/loyalty/members/anna");
        assertThat(console.text(By.id("available"))).isEqualTo("120");
        assertThat(console.text(By.id("pending"))).isEqualTo("40");
        assertThat(console.text(By.id("tier"))).isEqualTo("Silver");
        assertThat(console.text(By.id("history"))).contains("REDEEM", "redeemed Mug", "EARN", "ADJUST", "welcome");
        console.screenshot(Path.of("target", "console-loyalty-member.png"));
    }

    @Test
    void challengeCompletionAndTheOffersBadgesAndFairnessPagesShowWhatTheApiAnswers() throws IOException {
        TestTenant shop = tenants.create();
        Api api = new Api(port);
        String admin = bearer(shop.adminKey());
        assertThat(api.put("/v1/loyalty/offers/arms", admin, """
                        {"arms": [{"name": "discount", "kind": "DISCOUNT", "value": 10, "cost": 1},
                                  {"name": "bonus_points", "kind": "BONUS_POINTS", "value": 50, "cost": 50, "budget": 100}]}""").status()).isEqualTo(200);
        assertThat(api.put("/v1/loyalty/badges/first-hundred", admin, """
                        {"name": "First hundred", "kind": "LIFETIME_POINTS", "threshold": 100, "rewardPoints": 5}""").status())
                .isEqualTo(200);
        api.put("/v1/loyalty/badges/regular", admin, """
                {"name": "Regular", "kind": "ORDERS", "threshold": 5}""");
        loyalty.saveTiers(shop.id(), List.of(new Tier("Silver", 100)));
        assertThat(api.put("/v1/loyalty/challenges/monthly", admin, """
                        {"name": "Treat yourself", "minTarget": 20, "maxTarget": 100, "rewardPoints": 10}""").status())
                .isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            CustomerId member = CustomerId.of("m-" + i);
            loyalty.adjust(shop.id(), member, 10 + 100 * (i % 2), "welcome", "staff", new Idempotency("w-" + i, "h"));
            OfferChoice offer = loyalty.chooseOffer(shop.id(), member);
            if (i == 0) {
                loyalty.respondToOffer(shop.id(), offer.offerId(), 1);
            }
        }
        String order = """
                {"userId": "ada", "event": "Order Completed", "messageId": "ada-1",
                 "properties": {"order_id": "ada-1", "total": 150}}""";
        assertThat(api.post("/v1/track", basic(shop.writeKey()), order).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> badge(api, admin, "first-hundred").get("members").asLong() == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> challenge(api, admin).get("completed").asLong() == 1);
        JsonNode arms = api.get("/v1/loyalty/offers/stats", admin).json().get("data");
        JsonNode fairness = api.get("/v1/loyalty/fairness", admin).json();

        console.signIn(shop.adminKey());
        browser.findElement(By.id("nav-loyalty")).click();
        JsonNode monthly = challenge(api, admin);
        assertThat(cell("challenges", "data-challenge", "monthly", "targets"))
                .isEqualTo(monthly.get("targets").asString());
        assertThat(cell("challenges", "data-challenge", "monthly", "completed")).isEqualTo("1");
        assertThat(cell("challenges", "data-challenge", "monthly", "predicted"))
                .isEqualTo("%.2f".formatted(monthly.get("meanProbability").asDouble()));
        browser.findElement(By.id("loyalty-nav-offers")).click();
        for (JsonNode arm : arms) {
            String name = arm.get("arm").get("name").asString();
            assertThat(cell("offer-arms", "data-arm", name, "offers"))
                    .isEqualTo(arm.get("offers").asString());
            assertThat(cell("offer-arms", "data-arm", name, "responses"))
                    .isEqualTo(arm.get("responses").asString());
            assertThat(Double.parseDouble(cell("offer-arms", "data-arm", name, "mean")))
                    .isCloseTo(arm.get("meanReward").asDouble(), org.assertj.core.data.Offset.offset(0.0005));
        }
        assertThat(arms.valueStream()
                        .mapToLong(arm -> arm.get("offers").asLong())
                        .sum())
                .isEqualTo(4);
        assertThat(arms.valueStream()
                        .mapToLong(arm -> arm.get("responses").asLong())
                        .sum())
                .isEqualTo(1);
        console.screenshot(Path.of("target", "console-loyalty-offers.png"));

        browser.findElement(By.id("loyalty-nav-badges")).click();
        assertThat(cell("badges", "data-badge", "first-hundred", "members")).isEqualTo("1");
        assertThat(cell("badges", "data-badge", "first-hundred", "points"))
                .isEqualTo(badge(api, admin, "first-hundred").get("pointsPaid").asString())
                .isEqualTo("5");
        assertThat(cell("badges", "data-badge", "regular", "members")).isEqualTo("0");
        console.screenshot(Path.of("target", "console-loyalty-badges.png"));

        browser.findElement(By.id("loyalty-nav-fairness")).click();
        assertThat(console.text(By.id("offer-ratio")))
                .isEqualTo("%.2f".formatted(fairness.get("offerImpactRatio").asDouble()));
        for (JsonNode group : fairness.get("groups")) {
            String name = group.get("group").asString();
            assertThat(cell("fairness-groups", "data-group", name, "members"))
                    .isEqualTo(group.get("members").asString());
            assertThat(cell("fairness-groups", "data-group", name, "offered"))
                    .isEqualTo(group.get("offered").asString());
        }
        assertThat(fairness.get("groups").size()).isGreaterThanOrEqualTo(2);
        console.screenshot(Path.of("target", "console-loyalty-fairness.png"));
    }

    private String cell(String table, String attribute, String key, String column) {
        return console.text(By.cssSelector("#" + table + " tr[" + attribute + "='" + key + "'] td." + column));
    }

    private static JsonNode challenge(Api api, String admin) {
        return api.get("/v1/loyalty/challenges/stats", admin).json().get("data").get(0);
    }

    private static JsonNode badge(Api api, String admin, String badgeId) {
        return api.get("/v1/loyalty/badges/stats", admin)
                .json()
                .get("data")
                .valueStream()
                .filter(standing ->
                        standing.get("badge").get("badgeId").asString().equals(badgeId))
                .findFirst()
                .orElseThrow();
    }
}
