package io.hearth.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.loyalty.OrderLine;
import io.hearth.loyalty.Reward;
import io.hearth.loyalty.Tier;
import io.hearth.shared.CustomerId;
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

/**
 * Staff see the loyalty program in a real headless Chromium: what it owes its members, the points
 * earned and redeemed today on the chart, the tier spread, and one member's balance and history.
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
}
