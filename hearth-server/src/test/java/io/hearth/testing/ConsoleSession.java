package io.hearth.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The steps every console browser test takes in a {@link HeadlessChromium}: signing in with a shop's
 * admin key, opening a console page, waiting for it and reading it, taking a screenshot.
 *
 * @param patience how long a page may take; the pages that draw charts get longer than the plain ones
 */
public record ConsoleSession(WebDriver browser, int port, Duration patience) {

    /** Signs in on the login page and waits for the overview it lands on. */
    public void signIn(String key) {
        open("/console/login");
        browser.findElement(By.id("key")).sendKeys(key);
        browser.findElement(By.id("sign-in")).click();
        waitUntil(ExpectedConditions.urlMatches("/console$"));
    }

    /** Opens a path of the server under test, such as {@code /console/models}. */
    public void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    public void waitUntil(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, patience).until(condition);
    }

    public String text(By locator) {
        return browser.findElement(locator).getText();
    }

    /** Saves what the browser shows, for a person to look at after the run. */
    public void screenshot(Path target) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
