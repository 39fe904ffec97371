package com.aftercare.web.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for browser tests: the system's {@code /usr/bin/chromium} driven by its
 * {@code /usr/bin/chromedriver}, with a fresh profile. One browser per test class: register it as
 * a static {@code @RegisterExtension} field and it quits after the class. Each test starts from a
 * clean slate with {@link #fresh()} (cookies dropped, so nobody is logged in).
 *
 * <p>Without Chromium the test fails and says how to install it: a skipped browser test would let
 * a broken console pass.
 */
public final class Browser implements AfterAllCallback {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String INSTALL = "apt-get install -y chromium chromium-driver";

    private WebDriver driver;
    private Path profile;
    private String base;

    /** Opens the browser on first use, pointed at the application on {@code port}. */
    public WebDriver on(int port) {
        base = "http://127.0.0.1:" + port;
        if (driver == null) {
            driver = start();
        }
        return driver;
    }

    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("call on(port) first");
        }
        return driver;
    }

    /** Forgets every cookie (session and language), as if a new person sat down. */
    public Browser fresh() {
        driver().get(base + "/login");
        driver.manage().deleteAllCookies();
        return this;
    }

    public Browser open(String path) {
        driver().get(base + path);
        return this;
    }

    public Browser logIn(String username, String password) {
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        driver.findElement(By.id("sign-in")).click();
        waitFor(d -> !d.getCurrentUrl().endsWith("/login"));
        return this;
    }

    public Browser logOut() {
        driver().findElement(By.id("logout")).click();
        waitFor(d -> d.getCurrentUrl().contains("/login"));
        return this;
    }

    public Browser type(By field, String text) {
        WebElement element = driver().findElement(field);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    public String text() {
        return driver().findElement(By.tagName("body")).getText();
    }

    public String path() {
        String url = driver().getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /** Waits up to 10 s; an element replaced under our feet (an htmx swap) is looked up again. */
    public void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        // Chromium's own word for an element of the page being replaced (a
                        // navigation in progress): not yet, like a stale element
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return false;
                        }
                        throw e;
                    }
                });
    }

    /** Keeps the whole page as the operator sees it, for a person to look at (target/screenshots/{name}.png). */
    public void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(
                    dir.resolve(name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) driver())
                            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public WebElement waitForVisible(By locator) {
        return new WebDriverWait(driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            deleteProfile();
        }
    }

    private WebDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ". Install them with: " + INSTALL);
        }
        try {
            profile = Files.createTempDirectory("aftercare-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                // An English-speaking browser: the console must still start in Japanese.
                "--lang=en-US",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver started = new ChromeDriver(service, options);
        started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return started;
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless; the test result matters more.
        }
        profile = null;
    }
}
