package io.hearth.support;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hearth.testing.Api;
import io.hearth.testing.HeadlessChromium;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chat widget on a shop's page of another origin, in a real headless Chromium: the loader adds the
 * launcher, the chat in Hearth's iframe asks the assistant, which answers from an article, then goes to
 * an agent whose reply (but not whose note) appears in the widget. Skipped without chromium.
 */
@HearthTest
class SupportWidgetBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    HeadlessChromium chromium;
    WebDriver browser;
    HttpServer shopSite;

    @BeforeEach
    void start() throws IOException {
        chromium = HeadlessChromium.start(1024, 900);
        browser = chromium.browser();
    }

    @AfterEach
    void stop() throws IOException {
        if (shopSite != null) {
            shopSite.stop(0);
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aShopperChatsThroughTheEmbeddedWidgetAndSeesTheAgentsReply() throws IOException {
        SupportShop shop = new SupportShop(new Api(port), tenants.create());
        Api.Response article = shop.api.put(
                "/v1/support/admin/articles/shipping",
                bearer(shop.shop.adminKey()),
                "{\"title\":\"Shipping\",\"source\":\"https://shop.example/help/shipping\",\"format\":\"markdown\","
                        + "\"body\":\"# Shipping\\n\\n## Delivery times\\n\\nStandard delivery takes 2 to 4 working"
                        + " days within Germany.\"}");
        assertThat(article.status()).as(article.body()).isEqualTo(200);
        String page = "<!doctype html><html><head><title>Shop</title></head><body><h1>Our shop</h1>"
                + "<script src=\"http://localhost:" + port + "/support/widget.js\" data-key=\"" + shop.shop.writeKey()
                + "\" data-title=\"Shop help\" async></script></body></html>";
        shopSite = serve(page);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get("http://127.0.0.1:" + shopSite.getAddress().getPort() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("hearth-chat-launcher")))
                .click();
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("hearth-chat-frame")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "Shop help"));
        ask("how long does delivery take?");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages .message.assistant"), "2 to 4 working days"));

        ask("I want to talk to a human");
        wait.until(driver -> driver.findElements(By.cssSelector("#messages .message.assistant"))
                        .size()
                == 2);
        String conversation = (String) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return sessionStorage.getItem('hearth-support-conversation')");
        shop.post("/v1/support/conversations/" + conversation + "/notes", "{\"text\":\"internal: check stock\"}");
        shop.post("/v1/support/conversations/" + conversation + "/agent-replies", "{\"text\":\"Hi, Sam here.\"}");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages .message.agent"), "Sam here"));
        assertThat(browser.findElement(By.id("messages")).getText()).doesNotContain("check stock");
        Api.Response spoofed = shop.api.post(
                "/v1/support/conversations", basic(shop.shop.writeKey()), "{\"channel\":\"chat\",\"userId\":\"anna\"}");
        assertThat(spoofed.status()).isEqualTo(400);
        assertThat(spoofed.body()).contains("/userId");
    }

    @Test
    void aSignedInShoppersWidgetAnswersAboutHerOrdersAndForgetsHerChatOnceSheHasSignedOut() throws IOException {
        SupportShop shop = new SupportShop(new Api(port), tenants.create());
        shop.annaWithOrders();
        String secret = shop.post("/v1/support/admin/widget-secret", "")
                .json()
                .get("secret")
                .asString();
        String token = SupportCustomerTokenTest.token(
                secret, "anna", java.time.Instant.now().plus(Duration.ofHours(1)));
        String widget = "<script src=\"http://localhost:" + port + "/support/widget.js\" data-key=\""
                + shop.shop.writeKey() + "\"";
        String signedIn = "<!doctype html><html><body><h1>Hello Anna</h1>" + widget + " data-customer-token=\"" + token
                + "\" async></script></body></html>";
        String signedOut = "<!doctype html><html><body><h1>Our shop</h1>" + widget + " async></script></body></html>";
        shopSite = serve(signedIn);
        shopSite.createContext("/signed-out", exchange -> {
            byte[] body = signedOut.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        String site = "http://127.0.0.1:" + shopSite.getAddress().getPort();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        openChat(wait, site + "/");
        ask("where is my order 10002");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages .message.assistant"), "delivered"));

        browser.switchTo().defaultContent();
        openChat(wait, site + "/signed-out");
        ask("where is my order 10002");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages .message.assistant"), "sign in"));
        assertThat(browser.findElement(By.id("messages")).getText()).doesNotContain("delivered");
    }

    private void openChat(WebDriverWait wait, String page) {
        browser.get(page);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("hearth-chat-launcher")))
                .click();
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("hearth-chat-frame")));
    }

    private void ask(String question) {
        browser.findElement(By.id("text")).sendKeys(question);
        browser.findElement(By.id("send")).click();
    }

    private static HttpServer serve(String page) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
