package io.hearth.console;

import static io.hearth.testing.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.ConsoleSession;
import io.hearth.testing.HeadlessChromium;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A member of a shop's staff uses the console in a real headless Chromium: signs in with the shop's
 * admin key and sees the shop's events, its rate per minute, sources and keys, and nothing of another
 * shop. Skipped where Debian's chromium and chromedriver are not installed.
 */
@HearthTest
class ConsoleBrowserTest {

    private static final Path OVERVIEW_SCREENSHOT = Path.of("target", "console.png");
    private static final Path LOGIN_SCREENSHOT = Path.of("target", "console-login.png");

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    Api api;
    HeadlessChromium chromium;
    WebDriver browser;
    ConsoleSession console;

    @BeforeEach
    void startBrowser() throws IOException {
        api = new Api(port);
        chromium = HeadlessChromium.start(1280, 1100);
        browser = chromium.browser();
        console = new ConsoleSession(browser, port, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void staffSeeTheirShopsEventsRateSourcesAndKeysAndNothingOfAnotherShop() throws IOException {
        TestTenant shop = tenants.create();
        TestTenant rival = tenants.create();
        track(shop, """
                {"userId":"customer-1","event":"Order Completed","properties":{"order_id":"o-1","total":80,"currency":"EUR"}}""");
        track(shop, """
                {"anonymousId":"visitor-2","event":"Product Viewed","properties":{"product_id":"p-9"}}""");
        track(shop, """
                {"userId":"customer-3","event":"Signed Up"}""");
        track(rival, """
                {"userId":"rival-customer","event":"Rival Secret Sale"}""");

        console.signIn(shop.adminKey());
        console.waitUntil(ExpectedConditions.attributeToBe(By.id("rate-chart"), "data-drawn-total", "3"));

        assertThat(console.text(By.id("hour-total"))).isEqualTo("3");
        assertThat(browser.findElement(By.id("rate-data")).getDomAttribute("data-total"))
                .isEqualTo("3");
        assertThat(latestEventNames()).containsExactly("Signed Up", "Product Viewed", "Order Completed");
        assertThat(console.text(By.id("latest-events")))
                .contains("customer-1", "visitor-2", "customer-3")
                .doesNotContain("o-1", "p-9");
        assertThat(console.text(By.id("sources")))
                .contains("web", "segment", shop.sourceId().toString());
        assertThat(console.text(By.id("api-keys"))).contains("admin").doesNotContain(shop.adminKey());
        assertThat(browser.getPageSource())
                .doesNotContain(
                        "Rival Secret Sale", "rival-customer", rival.id().toString());

        track(shop, """
                {"userId":"customer-1","event":"Checkout Started"}""");

        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> latestEventNames().contains("Checkout Started"));
        console.waitUntil(ExpectedConditions.attributeToBe(By.id("rate-chart"), "data-drawn-total", "4"));
        assertThat(console.text(By.id("hour-total"))).isEqualTo("4");
        console.screenshot(OVERVIEW_SCREENSHOT);
    }

    @Test
    void aWrongKeyIsRefusedWithAMessage() throws IOException {
        console.open("/console");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");

        browser.findElement(By.id("key")).sendKeys("hk_not-a-real-key");
        browser.findElement(By.id("sign-in")).click();

        console.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(console.text(By.id("login-error"))).contains("not accepted");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login?error");
        console.screenshot(LOGIN_SCREENSHOT);
    }

    private void track(TestTenant tenant, String body) {
        assertThat(api.post("/v1/track", basic(tenant.writeKey()), body).status())
                .isEqualTo(200);
    }

    private List<String> latestEventNames() {
        return browser.findElements(By.cssSelector("#latest-events tbody tr td:nth-child(3)")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
