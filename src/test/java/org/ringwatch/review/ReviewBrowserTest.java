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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringwatch.account.Fixtures;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.web.Chromium;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A moderator goes from the review queue to a document, sees its thumbnail, resolves each
 * personal-data item (one cleared with a note, one by withholding its page) and publishes, in a
 * real browser (Debian's Chromium, headless).
 */
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
    void shouldTakeAModeratorFromTheQueueThroughEveryPersonalDataItemToPublish() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Thornwick");
        long id = scene.upload("response.pdf", ReviewTest.flaggedLetter());

        chromium.signIn(url(""), scene.moderator().email, Fixtures.PASSWORD);
        driver.get(url("/moderation/review?agency=" + scene.agency().stateCode + "/" + scene.agency().slug));
        follow(driver.findElement(By.cssSelector("a[href=\"/documents/" + id + "\"]")));

        WebElement thumbnail = driver.findElement(By.cssSelector("img.thumbnail"));
        wait.until(d -> Boolean.TRUE.equals(script("return arguments[0].complete", thumbnail)));
        assertEquals(Boolean.TRUE, script("return arguments[0].naturalWidth > 0", thumbnail),
                "the thumbnail is a picture, not a broken image");
        WebElement publish = publishButton();
        assertFalse(publish.isEnabled(), "Publish is shut while items are unresolved");
        assertEquals(List.of("E-mail address on page 1: " + ReviewTest.EMAIL,
                        "Phone number on page 2: " + ReviewTest.PHONE),
                driver.findElements(By.cssSelector("ul.personal-data .item")).stream().map(WebElement::getText)
                        .toList());

        // The work address is cleared with a note; the resident's number goes with its page.
        WebElement note = driver.findElement(By.cssSelector("ul.personal-data li.unresolved input[name=note]"));
        note.sendKeys("an officer's work address");
        follow(note.findElement(By.xpath("./following-sibling::button")));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText(), containsString("Cleared"));
        driver.findElement(By.linkText("Withhold page 2")).click();
        assertThat(driver.getCurrentUrl(), containsString("#page-2"));
        WebElement reason = driver.findElement(By.id("reason-2"));
        reason.sendKeys("a resident's phone number");
        follow(reason.findElement(By.xpath("./following-sibling::button")));

        assertEquals(2, driver.findElements(By.cssSelector("ul.personal-data li.resolved")).size());
        follow(publishButton());
        assertThat(driver.findElement(By.cssSelector(".flash")).getText(), containsString("Published"));
    }

    private WebElement publishButton() {
        return driver.findElement(By.cssSelector("form[action$=\"/publish\"] button"));
    }

    /** Clicks something that loads another page, and waits for it. */
    private void follow(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        wait.until(Chromium.left(page));
        wait.until(d -> "complete".equals(script("return document.readyState")));
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
