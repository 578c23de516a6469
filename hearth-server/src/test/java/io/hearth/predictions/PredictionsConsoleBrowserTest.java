package io.hearth.predictions;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ingestion.IngestionManagement;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.Api;
import io.hearth.testing.ConsoleSession;
import io.hearth.testing.HeadlessChromium;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member of staff sees a customer's predictions on the customer 360 page, then the models page with
 * the registry, the calibration chart and the drift chart, in a real headless Chromium. Skipped where
 * Debian's chromium and chromedriver are not installed.
 */
@HearthTest
class PredictionsConsoleBrowserTest {

    private static final Path SCREENSHOT = Path.of("target", "models.png");

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    TenantManagement tenancy;

    @Autowired
    IngestionManagement ingestion;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PredictionManagement predictions;

    @TempDir
    Path files;

    HeadlessChromium chromium;
    WebDriver browser;
    ConsoleSession console;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(1280, 1600);
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
    void staffSeeACustomersScoresAndTheModelsCalibrationAndDrift() throws IOException {
        TestTenant shop = tenants.create();
        new GeneratedShop(ingestion, tenancy, jdbc).importInto(shop.id(), files, "c", 40, Instant.now(), 8);
        predictions.train(shop.id(), TrainingListener.NONE);
        String customer = new Api(port)
                .get("/v1/customers/lookup?userId=c-3", bearer(shop.adminKey()))
                .json()
                .get("customerId")
                .asString();
        console.signIn(shop.adminKey());

        console.open("/console/customers/" + customer);
        console.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("predictions-table")));

        assertThat(console.text(By.id("prediction-lifetime-value"))).contains("clv@1", "EUR", "repeat_purchases");
        assertThat(console.text(By.id("prediction-churn-risk"))).contains("churn@1");
        assertThat(console.text(By.id("prediction-health"))).contains("health@1");
        assertThat(console.text(By.id("prediction-best-send-time"))).contains("UTC");
        // The generated customer has been silent for months against a rhythm of weeks.
        tools.jackson.databind.JsonNode served = new Api(port)
                .get("/v1/customers/" + customer + "/predictions", bearer(shop.adminKey()))
                .json();
        assertThat(console.text(By.id("prediction-early-warning")))
                .contains(
                        "Early warning", served.get("earlyWarning").get("label").asString(), "early-warning-rules@1");
        assertThat(console.text(By.id("prediction-replenishment-0")))
                .contains(
                        "Buys again",
                        served.get("replenishments").get(0).get("label").asString());

        browser.findElement(By.id("nav-models")).click();
        console.waitUntil(ExpectedConditions.attributeToBe(By.id("drift-chart"), "data-drawn", "true"));

        assertThat(console.text(By.id("version-clv@1"))).contains("good", "40", "bgnbd_log_likelihood");
        assertThat(console.text(By.id("version-send-time@1"))).contains("good");
        assertThat(browser.findElement(By.id("calibration-chart")).getAttribute("data-drawn"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("calibration-chart")).getAttribute("data-labels"))
                .endsWith("7+");
        assertThat(browser.findElement(By.id("drift-chart")).getAttribute("data-labels"))
                .contains("repeat_purchases", "probability_alive");
        assertThat(browser.findElements(By.cssSelector("#drift-chart canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("drift-chart")).getAttribute("data-labels"))
                .contains("churn_risk", "health");
        // The churn model's calibration bins, next to the CLV holdout chart, drawn with the stored bins.
        ModelCalibration calibration = predictions.calibration(shop.id()).orElseThrow();
        assertThat(calibration.churn()).isNotEmpty();
        var churnChart = browser.findElement(By.id("churn-calibration-chart"));
        console.waitUntil(ExpectedConditions.attributeToBe(By.id("churn-calibration-chart"), "data-drawn", "true"));
        assertThat(churnChart.getAttribute("data-version"))
                .isEqualTo(calibration.churnVersion().orElseThrow());
        assertThat(churnChart.getAttribute("data-observed").split(","))
                .hasSize(calibration.churn().size());
        assertThat(churnChart.getAttribute("data-predicted").split(","))
                .hasSize(calibration.churn().size());
        assertThat(browser.findElements(By.cssSelector("#churn-calibration-chart canvas")))
                .isNotEmpty();
        assertThat(console.text(By.id("drift-alerts"))).contains("No drift alerts");
        console.screenshot(SCREENSHOT);
    }

    @Test
    void beforeAnyTrainingTheModelsPageSaysSo() {
        TestTenant shop = tenants.create();
        console.signIn(shop.adminKey());

        console.open("/console/models");

        assertThat(console.text(By.id("versions"))).contains("Nothing trained yet");
        assertThat(console.text(By.id("no-drift"))).contains("No trained version");
    }
}
