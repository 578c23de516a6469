package io.hearth.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven headless, with the flags that keep it off the network (nothing but
 * loopback is reachable here) and a fresh profile. Skips the test where it is not installed.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriverService service;
    private final WebDriver browser;

    private HeadlessChromium(Path profile, ChromeDriverService service, WebDriver browser) {
        this.profile = profile;
        this.service = service;
        this.browser = browser;
    }

    public static HeadlessChromium start(int width, int height) throws IOException {
        assumeTrue(CHROMIUM.canExecute(), "Debian's chromium is not installed");
        assumeTrue(CHROMEDRIVER.canExecute(), "Debian's chromedriver is not installed");
        Path profile = Files.createTempDirectory("hearth-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        return new HeadlessChromium(profile, service, new ChromeDriver(service, options));
    }

    public WebDriver browser() {
        return browser;
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        service.stop();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
