package org.ringwatch.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.ringwatch.account.Fixtures;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages in a real browser at a desktop width and a phone's (1280 and 390 px): axe-core finds no
 * WCAG 2.1 A or AA violation, and nothing scrolls sideways on the phone. The public pages, an
 * agreement's, and what volunteers and moderators see once signed in (their data built by the
 * fixtures, around an invented agency); and the longest menu, a moderator's, keeps to two lines on
 * the phone.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AccessibilityTest {

    /** The innermost elements reaching past the viewport's right edge: what makes a page scroll sideways. */
    private static final String WIDEST = """
            return [...document.body.querySelectorAll('*')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
              .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                  + ' "' + e.textContent.trim().slice(0, 40) + '"');
            """;

    /**
     * The site menu's visible entries grouped into the lines they are laid out on: an entry starts a
     * new line when it lies wholly below the line so far (the brand's larger type sits a few pixels
     * higher on the same line).
     */
    private static final String MENU_LINES = """
            const lines = [];
            for (const e of document.querySelectorAll('header.site nav :is(a, button, summary)')) {
              if (!e.checkVisibility()) { continue; }
              const box = e.getBoundingClientRect();
              const line = lines[lines.length - 1];
              if (line && box.top < line.bottom) {
                line.bottom = Math.max(line.bottom, box.bottom);
                line.entries.push(e.textContent.trim());
              } else {
                lines.push({bottom: box.bottom, entries: [e.textContent.trim()]});
              }
            }
            return lines.map(l => l.entries.join(' | '));
            """;

    /** A moderator's links after Search, which a phone folds under "More". */
    private static final List<String> SECONDARY = List.of("a[href=\"/api/\"]", "a[href=\"/dashboard\"]",
            "a[href=\"/moderation\"]", "a[href=\"/account\"]", "form[action=\"/logout\"] button");

    private static Chromium chromium;
    private static String axe;

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgreementFixtures agreements;

    @BeforeAll
    static void start() throws IOException {
        chromium = Chromium.start("1280,1000");
        try (InputStream in = AccessibilityTest.class.getResourceAsStream("/axe.min.js")) {
            assertNotNull(in, "axe.min.js is missing: the com.deque.html.axe-core:selenium test dependency carries it");
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Each test starts signed out: the browser is shared, its cookies are not. */
    @BeforeEach
    void signOut() {
        chromium.driver().get(url("/"));
        chromium.driver().manage().deleteAllCookies();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/states", "/states/il", "/states/il/cities/aurora",
            "/agencies/il/aurora-police-department", "/agencies", "/agencies?q=aurora", "/coverage",
            "/states/il/coverage", "/coverage/agencies?state=IL&status=not_asked", "/map", "/states/wi/map",
            "/states/il/map", "/states/wi/counties/55079", "/timeline", "/states/il/timeline", "/statistics",
            "/agreements", "/agreements/totals", "/search?q=ring", "/requests", "/login"})
    void shouldHaveNoAccessibilityViolationsAndNoSidewaysScrollOnAPhone(String path) {
        assertEquals(List.of(), problems(path), path);
    }

    @Test
    void shouldHaveNoAccessibilityViolationsOnAPublishedAgreementAndItsAgency() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Port Varlow");
        long document = scene.uploadPublished("mou.pdf", Papers.textPdf(Papers.mou(scene.town())));
        long agreement = Fixtures.api(scene.authorToken()).contentType(ContentType.JSON)
                .body(AgreementFixtures.mouBody(document)).when().post("/api/v1/agreements").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + agreement + "/publish").then()
                .statusCode(200);

        List<String> problems = new ArrayList<>();
        for (String path : List.of("/agreements/" + agreement, scene.agencyPath(), "/documents/" + document)) {
            problems.addAll(problems(path));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void shouldHaveNoAccessibilityViolationsOnTheSignedInPages() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Elmsbury");
        long document = scene.uploadMou();
        long flagged = scene.upload("response.pdf", Papers.textPdf(List.of(List.of("Write to the clerk at"
                + " clerk@elmsbury-pd.example or 503-555-0199."))));
        List<String> problems = new ArrayList<>();

        // The volunteer who filed the request: their desk, the request, starting another, recording an agreement.
        chromium.signIn(url(""), scene.author().email, Fixtures.PASSWORD);
        for (String path : List.of("/dashboard", "/requests/" + scene.request().id, "/requests/new?q=elmsbury",
                "/requests/new?agency=" + scene.agency().stateCode + "/" + scene.agency().slug,
                "/documents/" + document + "/agreements/new", "/account")) {
            problems.addAll(problems(path));
        }

        // A moderator: the moderation pages, the queue, and documents waiting for review, one with personal data.
        chromium.driver().manage().deleteAllCookies();
        chromium.signIn(url(""), scene.moderator().email, Fixtures.PASSWORD);
        for (String path : List.of("/moderation", "/moderation/review", "/moderation/audit", "/documents/" + document,
                "/documents/" + flagged, "/requests/" + scene.request().id)) {
            problems.addAll(problems(path));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void shouldKeepTheModeratorsMenuToTwoLinesOnAPhone() {
        WebDriver driver = chromium.driver();
        AgreementFixtures.Scene scene = agreements.scene("Lake Ondessa");
        chromium.signIn(url(""), scene.moderator().email, Fixtures.PASSWORD);

        driver.manage().window().setSize(new Dimension(390, 900));
        driver.get(url("/dashboard"));
        List<String> lines = menuLines(driver);
        assertTrue(lines.size() <= 2, "at 390 px the menu takes " + lines.size() + " lines: " + lines);
        for (String link : SECONDARY) {
            assertTrue(driver.findElements(By.cssSelector("header.site " + link)).stream().noneMatch(WebElement::isDisplayed),
                    link + " waits under “More” on a phone");
        }

        // Opened from the keyboard, without a script: the links the row left out.
        WebElement more = driver.findElement(By.cssSelector("header.site details.more > summary"));
        tabTo(driver, more);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        for (String link : SECONDARY) {
            assertTrue(driver.findElement(By.cssSelector("header.site details.more " + link)).isDisplayed(), link);
        }
        assertEquals(List.of(), problems(driver, 390), "with “More” open");

        // Wider, every link is in the row and there is nothing to open.
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(url("/dashboard"));
        assertFalse(driver.findElement(By.cssSelector("header.site details.more")).isDisplayed(), "no “More” at 1280 px");
        for (String link : SECONDARY) {
            assertTrue(driver.findElement(By.cssSelector("header.site " + link)).isDisplayed(), link + " at 1280 px");
        }
    }

    /** At 1280 and 390 px: axe-core's violations, and on the phone what makes the page scroll sideways. */
    private List<String> problems(String path) {
        WebDriver driver = chromium.driver();
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            driver.get(url(path));
            String heading = driver.findElements(By.tagName("h1")).stream().map(WebElement::getText).findFirst()
                    .orElse("");
            if (heading.matches("\\d{3} · .*")) {
                problems.add(path + " answered an error page, “" + heading + "”, not the page to check");
            }
            problems.addAll(problems(driver, width).stream().map(p -> path + " at " + p).toList());
        }
        return problems;
    }

    private static List<String> problems(WebDriver driver, int width) {
        List<String> problems = new ArrayList<>(violations(driver, width));
        if (width == 390) {
            JavascriptExecutor js = (JavascriptExecutor) driver;
            long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
            long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
            if (scrollWidth > viewport) {
                problems.add("390 px: the page is " + scrollWidth + " px wide, wider than the " + viewport
                        + " px viewport, because of " + js.executeScript(WIDEST));
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static List<String> menuLines(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(MENU_LINES);
    }

    /** Presses Tab from the top of the page until {@code target} has focus; fails if it never does. */
    private static void tabTo(WebDriver driver, WebElement target) {
        for (int i = 0; i < 40; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            if (driver.switchTo().activeElement().equals(target)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + target.getText());
    }

    /** axe-core's WCAG 2.0/2.1 A and AA rules over the page: one line per violated rule, with where. */
    @SuppressWarnings("unchecked")
    private static List<String> violations(WebDriver driver, int width) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe);
        // A long page on a busy machine: axe walks every node of it.
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(180));
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done({violations: r.violations.map(v => ({id: v.id, help: v.help,
                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))}))
                   .catch(e => done({error: String(e)}));
                """);
        List<String> problems = new ArrayList<>();
        if (result.get("error") != null) {
            problems.add(width + " px: axe failed: " + result.get("error"));
            return problems;
        }
        for (Map<String, Object> v : (List<Map<String, Object>>) result.get("violations")) {
            problems.add(width + " px: " + v.get("id") + " (" + v.get("help") + ") at " + v.get("nodes"));
        }
        return problems;
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
