package io.hearth.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * In a real headless Chromium: the conversation view shows the entities, the predictions with their
 * models and the priority's why; an agent overrides the priority there (a value out of range is
 * refused beside the field); the metrics page shows containment, escalation rates by reason, times
 * and CSAT per intent. Skipped where Debian's chromium and chromedriver are not installed.
 */
@HearthTest
class SupportConsoleBrowserTest {

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
    void anAgentReadsTheContextOverridesThePriorityAndReadsTheMetricsPerIntent() {
        SupportShop shop = new SupportShop(new Api(port), tenants.create());
        String customer = shop.annaWithOrders();
        shop.track(
                "anna",
                "10001",
                "Order Fulfilled",
                ",\"carrier\":\"DHL\",\"tracking_number\":\"JD0142\",\"estimated_delivery\":\"2026-12-09\"");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        shop.get("/v1/customers/" + customer + "/orders").body().contains("JD0142"));
        String anna = shop.start("anna");
        shop.say(anna, "Where is my order #10002? I paid € 12,50 on 3 March 2026");
        shop.say(anna, "I want to talk to a human");
        String stranger = shop.start(null);
        shop.say(stranger, "let me speak to a person");
        String helped = shop.start("anna");
        shop.say(helped, "I forgot my password");
        shop.post("/v1/support/conversations/" + helped + "/csat", "{\"score\":4}");
        JsonNode churn =
                shop.get("/v1/customers/" + customer + "/predictions").json().get("churnRisk");

        console.signIn(shop.shop.adminKey());
        console.open("/console/support/" + anna);
        assertThat(console.text(By.id("entities"))).contains("10002", "12.50 EUR", "2026-03-03", "“€ 12,50”");
        assertThat(console.text(By.id("orders"))).contains("DHL JD0142 · expected 2026-12-09");
        assertThat(console.text(By.id("prediction-churn")))
                .contains(churn.get("modelVersion").asString());
        assertThat(browser.findElements(By.id("prediction-value"))).hasSize(1);
        assertThat(console.text(By.id("why"))).contains("customer_value", "churn_risk", "reason");
        browser.findElement(By.cssSelector("#linked details.linked-conversation summary"))
                .click();
        assertThat(console.text(By.id("linked"))).contains("chat", "I forgot my password");

        console.open("/console/support/" + stranger);
        assertThat(console.text(By.id("predictions"))).contains("unknown customer");
        assertThat(console.text(By.id("linked"))).contains("No other conversations");
        String computed = console.text(By.id("priority-score"));
        setPriority("999");
        console.waitUntil(ExpectedConditions.textToBe(By.id("priority-score"), "999.0"));
        assertThat(console.text(By.id("priority"))).contains("override", "computed " + computed);

        // the browser's own check stops 5000; without it the server refuses it beside the field
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('priority-value').removeAttribute('max')");
        setPriority("5000");
        console.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("priority-problem")));
        assertThat(console.text(By.id("priority-problem"))).contains("0 to 1000");
        assertThat(console.text(By.id("priority-score"))).isEqualTo("999.0");

        browser.findElement(By.id("nav-support")).click();
        console.waitUntil(ExpectedConditions.urlMatches("/console/support$"));
        List<WebElement> tickets = browser.findElements(By.cssSelector("#inbox tr.ticket a.ticket-link"));
        assertThat(tickets.get(0).getAttribute("href")).endsWith(stranger);

        browser.findElement(By.id("support-nav-metrics")).click();
        console.waitUntil(ExpectedConditions.urlMatches("/console/support/metrics$"));
        assertThat(console.text(By.id("total-conversations"))).isEqualTo("3");
        assertThat(console.text(By.id("total-containment"))).isEqualTo("33.3%");
        assertThat(console.text(By.cssSelector("#reasons tr[data-reason='EXPLICIT_REQUEST'] .rate")))
                .isEqualTo("66.7%");
        String human = console.text(By.cssSelector("#intents tr[data-intent='human_agent']"));
        assertThat(human).contains("EXPLICIT_REQUEST 100.0% (2)");
        String account = console.text(By.cssSelector("#intents tr[data-intent='account_help']"));
        assertThat(console.text(By.cssSelector("#intents tr[data-intent='account_help'] .containment")))
                .isEqualTo("100.0%");
        assertThat(console.text(By.cssSelector("#intents tr[data-intent='account_help'] .csat")))
                .isEqualTo("4.0 (1)");
        assertThat(console.text(By.cssSelector("#intents tr[data-intent='account_help'] .first-response")))
                .endsWith(" s");
        assertThat(account).doesNotContain("EXPLICIT_REQUEST");
    }

    private void setPriority(String value) {
        WebElement field = browser.findElement(By.id("priority-value"));
        field.clear();
        field.sendKeys(value);
        browser.findElement(By.id("set-priority")).click();
    }
}
