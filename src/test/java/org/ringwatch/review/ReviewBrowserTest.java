package org.ringwatch.review;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringwatch.account.Fixtures;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.web.Chromium;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A moderator reviews an uploaded document in a real browser (Debian's Chromium, headless). */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ReviewBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgreementFixtures agreements;

    private Chromium chromium;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startChromium() throws IOException {
        chromium = Chromium.start("1280,1400");
        driver = chromium.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterEach
    void quitChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void shouldShowTheDocumentsThumbnailOnItsReviewPage() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Thornwick");
        long id = scene.upload("letter.pdf", Papers.textPdf(List.of(List.of("A letter from the records clerk."))));

        signIn(scene.moderator().email);
        driver.get(url("/documents/" + id));
        WebElement thumbnail = driver.findElement(By.cssSelector("img.thumbnail"));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return arguments[0].complete",
                thumbnail)));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].naturalWidth > 0", thumbnail), "the thumbnail is a picture, not a broken image");
    }

    private void signIn(String email) {
        driver.get(url("/login"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector("form[action=\"/login\"] button[type=submit]")).click();
        wait.until(Chromium.left(page));
        wait.until(ExpectedConditions.urlToBe(url("/dashboard")));
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
