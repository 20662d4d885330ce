package org.ringwatch.agreement;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringwatch.account.Fixtures;
import org.ringwatch.document.DocumentFixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.web.Chromium;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A volunteer records an agreement from a scanned MOU in a real browser (Debian's Chromium,
 * headless): the pages' text comes from OCR, three clauses are quoted by selecting words in the
 * page panel and pressing "Use selection", a quote cited to the wrong page is refused; once a
 * moderator publishes it, a visitor without cookies follows its "p. 2" to the document's page.
 * And one records an agreement with the keyboard alone: every stop shows where focus is, and a
 * mistake brings focus back to the field that has it, described by its message.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AgreementBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgreementFixtures agreements;

    @Inject
    Fixtures fixtures;

    private Chromium chromium;
    private WebDriver driver;
    private WebDriverWait wait;

    /** Stops the keyboard reached where the focused element showed neither an outline nor a shadow. */
    private final List<String> unmarkedStops = new ArrayList<>();

    @BeforeEach
    void startChromium() throws IOException {
        chromium = Chromium.start("1400,1600");
        driver = chromium.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterEach
    void quitChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @Test
    void shouldRecordAnAgreementFromAScannedMouByQuotingSelectedText() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Elmsbury");
        long scan = scene.upload("scan.pdf", Papers.scannedPdf(Papers.mou(scene.town())));
        // What OCR made of the scan decides the phrases, so its noise cannot break the test.
        String page1 = pageText(scene, scan, 1);
        String page2 = pageText(scene, scan, 2);
        String devices = sentence(page1, "donate");
        String title = line(page1, "memorandum");
        String promotion = sentence(page2, "encourage");
        String confidentiality = sentence(page2, "confidential");

        chromium.signIn(url(""), scene.author().email, Fixtures.PASSWORD);
        driver.get(url("/documents/" + scan));
        click(By.linkText("Record an agreement from this document"));
        wait.until(ExpectedConditions.urlToBe(url("/documents/" + scan + "/agreements/new")));
        assertEquals(String.valueOf(scan), value("evidence"));

        quote("free_devices", 1, devices, scan);
        quote("agency_promotes_app", 2, promotion, scan);
        quote("confidentiality", 2, confidentiality, scan);
        // Typed by hand: page 1's title cited as page 2.
        new Select(driver.findElement(By.id("clauses.vendor_approves_statements.state"))).selectByValue("present");
        type("clauses.vendor_approves_statements.quote", title);
        type("clauses.vendor_approves_statements.page", "2");
        new Select(driver.findElement(By.id("kind"))).selectByValue("mou");
        type("title", "Memorandum of Understanding");
        driver.findElement(By.cssSelector("input[name=counterparties][value=ring_llc]")).click();
        submit();

        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("clauses.vendor_approves_statements.quote-error")));
        assertThat(refusal.getText(), containsString("This quote is not on page 2 of document #" + scan));
        assertEquals(title, value("clauses.vendor_approves_statements.quote"), "the refused quote is kept");
        assertEquals(confidentiality, value("clauses.confidentiality.quote"), "the other quotes are kept");
        assertEquals("2", value("clauses.confidentiality.page"));
        assertTrue(driver.findElement(By.cssSelector("input[name=counterparties][value=ring_llc]")).isSelected());

        new Select(driver.findElement(By.id("clauses.vendor_approves_statements.state"))).selectByValue("");
        driver.findElement(By.id("clauses.vendor_approves_statements.quote")).clear();
        driver.findElement(By.id("clauses.vendor_approves_statements.page")).clear();
        submit();
        wait.until(ExpectedConditions.urlMatches("/agreements/\\d+$"));
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/", ""));
        assertThat(flash(), containsString("Agreement saved as a draft"));
        assertThat(main(), containsString(confidentiality));

        // A moderator publishes the scan, then the agreement.
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + scan + "/publish").then()
                .statusCode(200);
        DocumentFixtures.awaitPublic(scan);
        fixtures.browser(scene.moderator()).when().post("/agreements/" + id + "/publish").then().statusCode(303);

        // A visitor in a fresh browser, without cookies, follows the citation to the page.
        quitChromium();
        startChromium();
        driver.get(url("/agreements/" + id));
        assertFalse(main().contains("Draft."));
        WebElement cite = driver.findElements(By.cssSelector("#clause-confidentiality a.cite")).get(0);
        assertEquals("p. 2", cite.getText());
        cite.click();
        wait.until(ExpectedConditions.urlToBe(url("/documents/" + scan + "#page-2")));
        WebElement page = driver.findElement(By.id("page-2"));
        assertThat(page.getText(), containsString(confidentiality.split("\\s+")[0]));

        driver.get(url(scene.agencyPath()));
        assertThat(driver.findElement(By.cssSelector(".agreement-status")).getText(),
                containsString("Agreement obtained"));
        assertThat(driver.findElement(By.cssSelector("ul.agreements")).getText(),
                containsString("Memorandum of Understanding"));
    }

    @Test
    void shouldRecordAnAgreementWithTheKeyboardAlone() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Port Varlow");
        long mou = scene.uploadMou();
        chromium.signIn(url(""), scene.author().email, Fixtures.PASSWORD);
        driver.get(url("/documents/" + mou));

        // From the document to its agreement form: Tab to the link, Enter.
        tabTo(e -> "Record an agreement from this document".equals(e.getText()));
        WebElement page = driver.findElement(By.tagName("html"));
        press(Keys.ENTER);
        wait.until(Chromium.left(page));
        wait.until(ExpectedConditions.urlToBe(url("/documents/" + mou + "/agreements/new")));

        tabTo(id("title"));
        press("Memorandum of Understanding");
        // Back one stop to the kind, chosen by typing the start of its name.
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertEquals("kind", focused().getDomAttribute("id"));
        press("Memo");
        assertEquals("mou", value("kind"));
        tabTo(e -> "ring_llc".equals(e.getDomAttribute("value")) && "counterparties".equals(e.getDomAttribute("name")));
        press(Keys.SPACE);
        // A date as people write it, not as the form asks for it.
        tabTo(id("dates.signed.date"));
        press("13 December 2018");
        tabTo(id("dates.signed.page"));
        press("2");
        tabTo(id("clauses.confidentiality.state"));
        press("Pres");
        assertEquals("present", value("clauses.confidentiality.state"));
        tabTo(id("clauses.confidentiality.quote"));
        press(Papers.MOU_CONFIDENTIALITY);
        tabTo(id("clauses.confidentiality.page"));
        press("2");
        submitByKeyboard();

        // The form comes back with focus on the date, marked invalid and described by its message.
        WebElement date = focused();
        assertEquals("dates.signed.date", date.getDomAttribute("id"), "focus is on the field to fix");
        assertEquals("true", date.getDomAttribute("aria-invalid"));
        String description = Arrays.stream(date.getDomAttribute("aria-describedby").split("\\s+"))
                .map(id -> driver.findElement(By.id(id)).getText()).reduce("", (a, b) -> a + " " + b);
        assertThat(description, containsString("Give the date as it is known: 2018-12-13, 2018-12 or 2018."));
        assertEquals("13 December 2018", value("dates.signed.date"), "what was typed is kept");
        assertEquals("Memorandum of Understanding", value("title"));
        assertEquals(Papers.MOU_CONFIDENTIALITY, value("clauses.confidentiality.quote"));
        assertTrue(driver.findElement(By.cssSelector("input[name=counterparties][value=ring_llc]")).isSelected());
        assertThat(driver.findElement(By.cssSelector("main p.problem")).getText(), containsString("Nothing was saved"));

        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
        press("2018-12-13");
        submitByKeyboard();

        wait.until(ExpectedConditions.urlMatches("/agreements/\\d+$"));
        assertThat(flash(), containsString("Agreement saved as a draft"));
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/", ""));
        Fixtures.api(scene.authorToken()).when().get("/api/v1/agreements/" + id).then().statusCode(200)
                .body("kind", equalTo("mou"))
                .body("title", equalTo("Memorandum of Understanding"))
                .body("counterparties", hasItem("ring_llc"))
                .body("dates.find { it.kind == 'signed' }.date", equalTo("2018-12-13"))
                .body("clauses.find { it.topic == 'confidentiality' }.state", equalTo("present"))
                .body("clauses.find { it.topic == 'confidentiality' }.quote", equalTo(Papers.MOU_CONFIDENTIALITY));
        assertEquals(List.of(), unmarkedStops, "stops where focus did not show (no outline, no shadow)");
    }

    /**
     * Presses Tab until the focused element is what {@code wanted} says, checking at every stop that
     * focus shows; fails when it never comes, that is, when the keyboard cannot reach it.
     */
    private void tabTo(Predicate<WebElement> wanted) {
        for (int stop = 0; stop < 400; stop++) {
            press(Keys.TAB);
            WebElement focused = focused();
            Object shows = ((JavascriptExecutor) driver).executeScript("""
                    const style = getComputedStyle(arguments[0]);
                    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                        || style.boxShadow !== 'none';
                    """, focused);
            if (!Boolean.TRUE.equals(shows)) {
                unmarkedStops.add(focused.getTagName() + "#" + focused.getDomAttribute("id") + " “"
                        + focused.getText() + "”");
            }
            if (wanted.test(focused)) {
                return;
            }
        }
        throw new AssertionError("400 presses of Tab never reached the element on " + driver.getCurrentUrl());
    }

    private static Predicate<WebElement> id(String id) {
        return e -> id.equals(e.getDomAttribute("id"));
    }

    /** Keys to whatever has focus, as a keyboard sends them. */
    private void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    private WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Tabs on to the form's Save button, presses Enter and waits for the page that answers. */
    private void submitByKeyboard() {
        WebElement page = driver.findElement(By.tagName("html"));
        tabTo(e -> "submit".equals(e.getDomAttribute("type")) && "Save".equals(e.getText()));
        press(Keys.ENTER);
        wait.until(Chromium.left(page));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Selects {@code phrase} in the panel's page {@code page}, presses the clause's "Use selection", checks the row. */
    private void quote(String clause, int page, String phrase, long document) {
        WebElement text = driver.findElement(By.cssSelector(".quote-panel [data-page=\"" + page + "\"] pre"));
        Object selected = ((JavascriptExecutor) driver).executeScript("""
                const pre = arguments[0], phrase = arguments[1];
                const node = pre.firstChild;
                const at = node.textContent.indexOf(phrase);
                if (at < 0) { return false; }
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + phrase.length);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                return selection.toString() === phrase;
                """, text, phrase);
        assertEquals(Boolean.TRUE, selected, "selected “" + phrase + "” on page " + page);
        WebElement button = driver.findElement(By.cssSelector("#clause-" + clause + " .use-selection"));
        assertTrue(button.isDisplayed(), "with JavaScript the button shows");
        click(button);
        assertEquals(phrase, value("clauses." + clause + ".quote"));
        assertEquals(String.valueOf(page), value("clauses." + clause + ".page"));
        assertEquals(String.valueOf(document), value("clauses." + clause + ".document"));
        assertEquals("present", value("clauses." + clause + ".state"));
    }

    /** The OCR text of a page, as the API gives it to its uploader. */
    private static String pageText(AgreementFixtures.Scene scene, long document, int page) {
        String text = Fixtures.api(scene.authorToken()).when().get("/api/v1/documents/" + document + "/pages/" + page)
                .then().statusCode(200).extract().jsonPath().getString("text");
        assertThat("page " + page + " was read by OCR", text, matchesPattern("(?s).*\\w{4,}.*"));
        return text;
    }

    /**
     * The sentence of {@code text} around the last {@code word} (any case), line breaks and all, as
     * one selects it on the page; the longest line when OCR lost the word.
     */
    private static String sentence(String text, String word) {
        int at = text.toLowerCase(Locale.ROOT).lastIndexOf(word);
        if (at < 0) {
            return line(text, word);
        }
        int end = text.indexOf('.', at);
        return text.substring(text.lastIndexOf('.', at) + 1, end < 0 ? text.length() : end + 1).strip();
    }

    /** The line of {@code text} that holds {@code word} (any case), else its longest: a sentence-sized phrase. */
    private static String line(String text, String word) {
        String[] lines = Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> l.length() > 10)
                .toArray(String[]::new);
        return Arrays.stream(lines).filter(l -> l.toLowerCase(Locale.ROOT).contains(word)).findFirst()
                .orElseGet(() -> Arrays.stream(lines).max(Comparator.comparingInt(String::length)).orElseThrow());
    }

    /** Submits the agreement form and waits for the next page. */
    private void submit() {
        WebElement page = driver.findElement(By.tagName("html"));
        click(By.cssSelector("form.agreement-form button[type=submit]"));
        wait.until(Chromium.left(page));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        assertThat(driver.findElement(By.tagName("h1")).getText(), not(matchesPattern("\\d{3} · .*")));
    }

    private void click(By locator) {
        click(driver.findElement(locator));
    }

    /** Scrolls the element to the middle first: the sticky panel must not cover it. */
    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String value(String id) {
        return driver.findElement(By.id(id)).getDomProperty("value");
    }

    private String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    private String flash() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash"))).getText();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
