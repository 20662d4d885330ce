package org.ringwatch.browse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.web.Chromium;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The maps in a real browser (Debian's Chromium): they fit a phone's width without scrolling
 * sideways, and clicking a county's shape reaches its agencies, with no script on the page.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class MapBrowserTest {

    @TestHTTPResource("/")
    URL base;

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    @Test
    void shouldReachACountysAgenciesByClickingItOnTheNationalMap() throws IOException {
        try (Chromium chromium = Chromium.start("1280,900")) {
            WebDriver driver = chromium.driver();
            driver.get(url("/map"));
            assertEquals(0L, scrollsSideways(driver));
            screenshot(driver, "map-1280.png");
            clickCounty(driver, "/states/wi/counties/55079");
            assertTrue(driver.findElement(By.tagName("h1")).getText().equals("Milwaukee County, Wisconsin"));
            assertTrue(driver.findElement(By.linkText("Greenfield Police Department")).isDisplayed());
        }
    }

    @Test
    void shouldFitAPhoneAndReachACountyFromTheStateMap() throws IOException {
        try (Chromium chromium = Chromium.start("390,844")) {
            WebDriver driver = chromium.driver();
            driver.get(url("/map"));
            assertEquals(0L, scrollsSideways(driver), "no horizontal scroll at 390 px on /map");
            screenshot(driver, "map-390.png");
            driver.get(url("/states/wi/map"));
            assertEquals(0L, scrollsSideways(driver), "no horizontal scroll at 390 px on a state's map");
            screenshot(driver, "state-map-390.png");
            clickCounty(driver, "/states/wi/counties/55079");
            assertEquals(0L, scrollsSideways(driver), "no horizontal scroll at 390 px on a county's page");
            assertTrue(driver.findElement(By.linkText("Greenfield Police Department")).isDisplayed());
        }
    }

    /** Clicks the middle of the county's shape, as a visitor would, and waits for its page. */
    private void clickCounty(WebDriver driver, String href) {
        WebElement shape = driver.findElement(By.cssSelector("svg.map a[href='" + href + "'] path"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", shape);
        shape.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url(href)));
    }

    /** Keeps what the browser saw in target/screenshots/, for a person to look at. */
    private static void screenshot(WebDriver driver, String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(directory.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** How many pixels the page is wider than the window (0 when it fits). */
    private static long scrollsSideways(WebDriver driver) {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);");
    }
}
