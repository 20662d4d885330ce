package org.ringwatch.web;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's Chromium, headless, driven by its ChromeDriver, with a profile of its own: each one
 * started is a fresh browser without cookies. Closing it stops both and deletes the profile.
 */
public final class Chromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriverService service;
    private final WebDriver driver;

    private Chromium(Path profile, ChromeDriverService service, WebDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /** Fails, never skips, when the browser is missing: a skipped browser test hides broken pages. */
    public static Chromium start(String windowSize) throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM), "Chromium is missing at " + CHROMIUM
                + ": install the Debian package 'chromium' (apt-get install chromium chromium-driver)");
        assertTrue(Files.isExecutable(CHROMEDRIVER), "ChromeDriver is missing at " + CHROMEDRIVER
                + ": install the Debian package 'chromium-driver' (apt-get install chromium chromium-driver)");
        Path profile = Files.createTempDirectory("ringwatch-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=" + windowSize, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Chromium(profile, service, driver);
    }

    /**
     * Whether the page {@code element} was on has gone (after a click that navigates). Like
     * {@code ExpectedConditions.stalenessOf}, but a node asked about mid-navigation can also
     * answer "does not belong to the document", an error stalenessOf lets through.
     */
    public static ExpectedCondition<Boolean> left(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        };
    }

    /**
     * Signs in through the login form at {@code base} (the app's address, no trailing slash), as a
     * person does, and waits for the dashboard the form leads to.
     */
    public void signIn(String base, String email, String password) {
        driver.get(base + "/login");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector("form[action=\"/login\"] button[type=submit]")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(left(page));
        wait.until(ExpectedConditions.urlToBe(base + "/dashboard"));
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            if (service.isRunning()) {
                service.stop();
            }
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // Best effort: a leftover profile in the temp directory must not fail the test.
        }
    }
}
