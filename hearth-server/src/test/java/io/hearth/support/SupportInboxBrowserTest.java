package io.hearth.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.ConsoleSession;
import io.hearth.testing.HeadlessChromium;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import java.io.IOException;
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
 * An agent opens the support inbox in a real headless Chromium, sees the tickets by priority with
 * their why, opens the top one with its context, replies, and hands it back. Skipped where Debian's
 * chromium and chromedriver are not installed.
 */
@HearthTest
class SupportInboxBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    HeadlessChromium chromium;
    WebDriver browser;
    ConsoleSession console;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(1280, 1600);
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
    void anAgentWorksTheTopTicketFromTheInbox() {
        SupportShop shop = new SupportShop(new Api(port), tenants.create());
        shop.annaWithOrders();
        String stranger = shop.start(null);
        shop.say(stranger, "let me speak to a person");
        String anna = shop.start("anna");
        shop.say(anna, "I need a human about order 10002");

        console.signIn(shop.shop.adminKey());
        browser.findElement(By.id("nav-support")).click();
        console.waitUntil(ExpectedConditions.urlMatches("/console/support$"));

        List<WebElement> tickets = browser.findElements(By.cssSelector("#inbox tr.ticket"));
        assertThat(tickets).hasSize(2);
        assertThat(tickets.get(0).getText()).contains("customer_value", "EXPLICIT_REQUEST");
        browser.findElement(By.cssSelector("#inbox tr.ticket a.ticket-link")).click();
        console.waitUntil(ExpectedConditions.urlContains("/console/support/" + anna));
        assertThat(console.text(By.id("intent"))).isEqualTo("human_agent");
        assertThat(console.text(By.id("orders"))).contains("10001", "10002", "10003");
        assertThat(console.text(By.id("suggested"))).contains("order 10002");

        browser.findElement(By.id("text")).sendKeys("Hi Anna, Sam here. Let me check 10002.");
        browser.findElement(By.id("send")).click();
        console.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Sam here"));
        assertThat(browser.findElements(By.cssSelector("#messages tr.message.agent")))
                .hasSize(1);

        browser.findElement(By.id("hand-back")).click();
        console.waitUntil(ExpectedConditions.urlMatches("/console/support$"));
        assertThat(browser.findElements(By.cssSelector("#inbox tr.ticket"))).hasSize(1);
    }
}
