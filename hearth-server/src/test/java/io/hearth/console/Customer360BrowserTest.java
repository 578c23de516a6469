package io.hearth.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.privacy.PrivacyManagement;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.testing.Api;
import io.hearth.testing.ConsoleSession;
import io.hearth.testing.HeadlessChromium;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A member of staff looks Ada up in the console of a real headless Chromium: finds her by email, sees
 * who she is, what she bought and what she agreed to, then finds the merge her tablet caused and undoes
 * it. Skipped where Debian's chromium and chromedriver are not installed.
 */
@HearthTest
class Customer360BrowserTest {

    private static final Path SCREENSHOT = Path.of("target", "customer360.png");

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ProfileManagement profiles;

    @Autowired
    PrivacyManagement privacy;

    HeadlessChromium chromium;
    WebDriver browser;
    ConsoleSession console;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(1280, 2400);
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
    void staffFindAdaByEmailSeeHerWholeStoryAndUndoAWrongMerge() throws IOException {
        TestTenant shop = tenants.create();
        CustomerStory story = new CustomerStory(new Api(port), shop, profiles, privacy);
        CustomerProfile ada = story.adaShops();

        console.signIn(shop.adminKey());
        browser.findElement(By.linkText("ada")).click();
        console.waitUntil(ExpectedConditions.urlContains("/console/customers/" + ada.customerId()));
        browser.navigate().back();
        browser.findElement(By.linkText("anon-ada")).click();
        console.waitUntil(ExpectedConditions.urlContains("/console/customers/" + ada.customerId()));
        searchFor("ADA@example.com");

        assertThat(browser.getCurrentUrl()).endsWith("/console/customers/" + ada.customerId());
        assertThat(console.text(By.id("identifiers")))
                .contains("email", "ada@example.com", "user_id", "ada", "anon-ada");
        assertThat(console.text(By.id("trait-first_name"))).contains("Ada");
        assertThat(console.text(By.id("trait-plan"))).contains("gold");
        assertThat(console.text(By.cssSelector("#computed-orders dd"))).isEqualTo("2");
        assertThat(console.text(By.cssSelector("#computed-revenue dd"))).isEqualTo("100.00 EUR");
        assertThat(console.text(By.cssSelector("#computed-aov dd"))).isEqualTo("50.00 EUR");
        assertThat(console.text(By.cssSelector("#computed-top-categories dd"))).contains("Kitchen", "Garden");
        assertThat(browser.findElements(By.cssSelector("#timeline tr.timeline-entry")))
                .hasSize(5);
        assertThat(console.text(By.id("timeline")))
                .contains("Order Completed", "o-2 · 60.00 EUR", "Product Viewed", "identify");
        assertThat(console.text(By.id("consents"))).contains("marketing", "email", "granted");
        assertThat(console.text(By.id("merges"))).contains("Never merged.");
        assertThat(browser.findElements(By.id("segments-section"))).isEmpty();

        CustomerProfile merged = story.adaSignsInOnHerTablet();
        searchFor(CustomerStory.EMAIL);

        assertThat(browser.getCurrentUrl()).endsWith("/console/customers/" + merged.customerId());
        assertThat(console.text(By.id("identifiers"))).contains(CustomerStory.TABLET_USER);
        assertThat(console.text(By.id("merges"))).contains("survivor", "in effect");

        browser.findElement(By.cssSelector("#merges form.undo button")).click();

        console.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("merges"), "undone"));
        assertThat(console.text(By.cssSelector("#merges .merge-state"))).startsWith("undone");
        assertThat(browser.findElements(By.cssSelector("#merges form.undo"))).isEmpty();
        assertThat(console.text(By.cssSelector("#computed-orders dd"))).isNotEmpty();
        console.screenshot(SCREENSHOT);
    }

    @Test
    void aLongTimelineLoadsFiftyEventsAtATime() {
        TestTenant shop = tenants.create();
        CustomerStory story = new CustomerStory(new Api(port), shop, profiles, privacy);
        CustomerProfile reader = story.readerBrowses(60);
        console.signIn(shop.adminKey());
        console.open("/console/customers/" + reader.customerId());

        assertThat(browser.findElements(By.cssSelector("#timeline tr.timeline-entry")))
                .hasSize(50);
        browser.findElement(By.cssSelector("#timeline-more button")).click();

        console.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline tr.timeline-entry"), 60));
        assertThat(browser.findElements(By.id("timeline-more"))).isEmpty();
        assertThat(console.text(By.cssSelector("#timeline tr.timeline-entry:last-child")))
                .contains("Article 1 Read");
    }

    @Test
    void anIdentifierNobodyHasGetsAClearMessage() {
        TestTenant shop = tenants.create();
        console.signIn(shop.adminKey());

        searchFor("nobody@example.com");

        console.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("no-customer")));
        assertThat(console.text(By.id("no-customer"))).contains("No customer has the identifier nobody@example.com");
    }

    private void searchFor(String identifier) {
        browser.findElement(By.id("nav-customers")).click();
        console.waitUntil(ExpectedConditions.urlMatches("/console/customers$"));
        browser.findElement(By.id("q")).sendKeys(identifier);
        browser.findElement(By.id("search")).click();
        console.waitUntil(ExpectedConditions.not(ExpectedConditions.urlMatches("/console/customers$")));
    }
}
