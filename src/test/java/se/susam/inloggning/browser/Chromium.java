package se.susam.inloggning.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven by Debian's ChromeDriver: both paths are given, so Selenium
 * Manager never runs and nothing is downloaded. Started once per test run and shared by every
 * browser test; each test starts with no cookies (see {@link #forgetEverything()}).
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private final String userAgent;

    private Chromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.userAgent = (String) driver.executeScript("return navigator.userAgent");
    }

    static Chromium start() {
        return start(BROWSER, DRIVER);
    }

    /** Fails (never skips) when Chromium or ChromeDriver is missing: CI installs them. */
    static Chromium start(Path browser, Path chromedriver) {
        requireExecutable(browser, "chromium");
        requireExecutable(chromedriver, "chromium-driver");
        System.setProperty("SE_AVOID_STATS", "true");
        Path profile = temporaryProfile();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
                "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT, "--lang=sv-SE");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return new Chromium(service, driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Cookies of every origin (all test servers are on localhost), tabs a test left open, and what a
     * test emulated: window size, user agent, JavaScript switched off.
     */
    void forgetEverything() {
        String first = driver.getWindowHandles().iterator().next();
        for (String tab : driver.getWindowHandles()) {
            if (!tab.equals(first)) {
                driver.switchTo().window(tab).close();
            }
        }
        driver.switchTo().window(first);
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", userAgent));
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.get("about:blank");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private static void requireExecutable(Path path, String debianPackage) {
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("Browser tests need " + path + ": install Debian's chromium and "
                    + "chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does). Missing package: "
                    + debianPackage);
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("sus-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
