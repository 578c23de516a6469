package io.hearth.console;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.journeys.JourneyManagement;
import io.hearth.privacy.Channel;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.ConsoleSession;
import io.hearth.testing.Customers;
import io.hearth.testing.HeadlessChromium;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.io.IOException;
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
 * Staff open the journey list from the navigation and a journey's page, with its steps and where each
 * goes and the funnel drawn from the runs, in a real headless Chromium.
 */
@HearthTest
class JourneyConsoleBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    JourneyManagement journeys;

    HeadlessChromium chromium;
    WebDriver browser;
    ConsoleSession console;

    @BeforeEach
    void startBrowser() throws IOException {
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
    void theJourneyPageShowsItsStepsAndTheFunnelOfItsRuns() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        api.put("/v1/templates/thanks", bearer(shop.adminKey()), """
                {"locales": {"en": {"subject": "Thanks", "text": "Thank you"}}}""");
        journeys.publish(shop.id(), "post-purchase", """
                name: Post-purchase thanks
                trigger: {type: order, status: placed}
                steps:
                  - {id: thanks, type: send, template: thanks}
                  - {id: pause, type: wait, duration: P3D}
                  - {id: check, type: branch, condition: "customer.orders_count > 1", then: done, else: done}
                  - {id: done, type: exit}
                """);
        CustomerId pia = customers.identify(
                api, shop, "pia", "\"email\":\"pia@example.com\",\"timezone\":\"" + Customers.zoneAt(12) + "\"");
        customers.optIn(shop, pia, Channel.EMAIL);
        api.post(
                "/v1/track",
                basic(shop.writeKey()),
                "{\"userId\":\"pia\",\"event\":\"Order Completed\",\"properties\":{\"order_id\":\"P-1\",\"total\":10}}");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "post-purchase").total("waiting") == 1);

        console.signIn(shop.adminKey());
        browser.findElement(By.id("nav-journeys")).click();
        console.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("journey-list")));
        assertThat(browser.findElement(By.id("journey-list")).getText())
                .contains("Post-purchase thanks", "order placed");
        browser.findElement(By.linkText("Post-purchase thanks")).click();
        console.waitUntil(ExpectedConditions.attributeToBe(By.id("funnel-chart"), "data-drawn-total", "2"));

        assertThat(browser.findElement(By.id("journey-entered")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("step-check")).getText()).contains("yes → done, no → done");
        assertThat(browser.findElement(By.id("step-thanks")).getText()).contains("sent: 1");
        assertThat(browser.findElement(By.id("funnel-table")).getText()).contains("thanks 1 0 0", "pause 0 0 1");
        // The order that started the run does not convert it; without held-out runs there is no comparison.
        assertThat(browser.findElement(By.id("conversion-treated")).getText()).isEqualTo("Treated 1 0 0.0 % 0.00");
        assertThat(browser.findElement(By.id("conversion-verdict")).getText()).startsWith("no comparison yet");
    }
}
