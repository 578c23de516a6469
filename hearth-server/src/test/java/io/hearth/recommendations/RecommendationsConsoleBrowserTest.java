package io.hearth.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A member of staff opens the recommendations page in a real headless Chromium: sees the trained
 * model's figures, the top items drawn as a chart, and Ada's slate with a reason for every item.
 * Skipped where Debian's chromium and chromedriver are not installed.
 */
@HearthTest
class RecommendationsConsoleBrowserTest {

    private static final Path SCREENSHOT = Path.of("target", "recommendations.png");

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ProfileManagement profiles;

    @Autowired
    RecommendationManagement recommendations;

    HeadlessChromium chromium;
    WebDriver browser;
    ConsoleSession console;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(1280, 2000);
        browser = chromium.browser();
        console = new ConsoleSession(browser, port, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void staffSeeTheModelTopItemsAndACustomersRecommendationsWithReasons() throws IOException {
        TestTenant shop = tenants.create();
        CustomerId ada = new ShopStory(new Api(port), shop, profiles).open();
        recommendations.train(shop.id(), TrainingProgress.NONE);

        console.signIn(shop.adminKey());
        browser.findElement(By.id("nav-recommendations")).click();
        console.waitUntil(ExpectedConditions.urlContains("/console/recommendations"));
        console.waitUntil(ExpectedConditions.attributeToBe(By.id("top-chart"), "data-rendered", "true"));

        assertThat(browser.findElement(By.id("model-version")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("model-products")).getText()).isEqualTo("12");
        assertThat(browser.findElement(By.id("model-als")).getText()).isEqualTo("trained");
        assertThat(browser.findElements(By.cssSelector("#top-items tbody tr"))).hasSize(10);

        browser.findElement(By.id("customer")).sendKeys(ada.value());
        browser.findElement(By.id("show")).click();
        console.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("slate")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#slate tbody tr"));

        assertThat(rows).hasSize(10);
        assertThat(browser.findElement(By.id("slate-summary")).getText()).startsWith("Personalized");
        assertThat(rows)
                .allSatisfy(row -> assertThat(
                                row.findElement(By.cssSelector("td.reason")).getText())
                        .isNotBlank());
        assertThat(rows)
                .extracting(row -> row.findElements(By.tagName("td")).get(1).getText())
                .as("what Ada owns and cannot need twice")
                .doesNotContain("Burr grinder");
        console.screenshot(SCREENSHOT);

        browser.findElement(By.id("customer")).clear();
        browser.findElement(By.id("customer")).sendKeys("nobody-at-all");
        browser.findElement(By.id("show")).click();
        console.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("no-such-customer")));
    }
}
