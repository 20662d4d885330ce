package org.ringwatch.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.web.Chromium;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API reference page in a real browser (Debian's Chromium), under the site's own
 * Content-Security-Policy: it lists the API's operations, and the browser refused nothing.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ApiReferenceBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldRenderTheOperationsWithoutAnyContentSecurityPolicyViolation() throws IOException {
        given().redirects().follow(false).when().get("/api").then().statusCode(301)
                .header("Location", containsString(ApiReference.PAGE));
        given().when().get(ApiReference.PAGE).then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        try (Chromium chromium = Chromium.start("1280,1400")) {
            WebDriver driver = chromium.driver();
            driver.get(url(ApiReference.PAGE));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reference"), "/api/v1/agencies"));
            String text = driver.findElement(By.id("reference")).getText();
            assertTrue(text.contains("/api/v1/agreements/{id}"), "every operation is listed");
            assertTrue(text.contains("Agencies") && text.contains("Requests"), "grouped by tag");
            assertEquals(List.of(), pageErrors(driver), "the browser refused or failed nothing on " + ApiReference.PAGE);

            // The check above can see a refusal: an inline script, added the way a template would,
            // is refused by the same policy and shows up in the same log.
            ((JavascriptExecutor) driver).executeScript("var s = document.createElement('script');"
                    + " s.textContent = 'window.inlineRan = true'; document.body.appendChild(s);");
            assertTrue(pageErrors(driver).stream().anyMatch(m -> m.contains("Content Security Policy")),
                    "an inline script is reported as a policy violation");
        }
    }

    @Test
    void shouldExpandAnOperationWithItsParametersAndExamples() throws IOException {
        try (Chromium chromium = Chromium.start("1280,1400")) {
            WebDriver driver = chromium.driver();
            driver.get(url(ApiReference.PAGE + "#/Agencies"));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            By list = By.cssSelector("#operations-Agencies-get_api_v1_agencies .opblock-summary");
            wait.until(ExpectedConditions.elementToBeClickable(list)).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#operations-Agencies-get_api_v1_agencies"), ApiDocs.CURSOR));
            String operation = driver.findElement(By.cssSelector("#operations-Agencies-get_api_v1_agencies")).getText();
            assertTrue(operation.contains(ApiDocs.STATE) && operation.contains(ApiDocs.STATE_EXAMPLE), operation);
            assertEquals(List.of(), pageErrors(driver));
        }
    }

    /** What the page logged at SEVERE: refused scripts and styles, failed loads, script errors. */
    private static List<String> pageErrors(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
