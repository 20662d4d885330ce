package org.ringwatch.web;

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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringwatch.account.AccountService;
import org.ringwatch.account.Role;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.platform.Today;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The volunteer's way through the real pages in a real browser (Debian's Chromium, headless):
 * an admin invites, the volunteer joins, starts a request and logs its correspondence. Every
 * form goes through the browser, so the CSRF token, the cookies and the redirects are the real ones.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VolunteerBrowserTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TestHTTPResource("/")
    URL base;

    @Inject
    AccountService accounts;

    @Inject
    org.ringwatch.account.Fixtures fixtures;

    @Inject
    Today today;

    private Chromium chromium;
    /** The files the volunteer uploads, written for each test. */
    private Path files;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startChromium() throws IOException {
        chromium = Chromium.start("1200,1600");
        driver = chromium.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        files = Files.createTempDirectory("ringwatch-volunteer");
    }

    @AfterEach
    void quitChromium() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            deleteQuietly(files);
        }
    }

    @Test
    void shouldLetAnInvitedVolunteerJoinStartARequestAndLogItsCorrespondence() {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.org";
        accounts.create(adminEmail, "Admin", PASSWORD, Role.ADMIN, null);

        signIn(adminEmail, PASSWORD);
        String link = invite("volunteer-" + UUID.randomUUID() + "@example.org");
        signOut();

        join(link, "Vera Volunteer");

        String title = "Ring agreement " + UUID.randomUUID();
        String requestUrl = startRequest("il/aurora-police-department", title);

        LocalDate filed = weekdayOnOrBefore(today.date().minusDays(10));
        logFiling(filed);
        logAcknowledgement(requestUrl, weekdayOnOrBefore(filed.plusDays(3)));
    }

    @Test
    void shouldUploadWithAProgressBarPerFile() throws IOException {
        org.ringwatch.account.Account owner = fixtures.account(Role.VOLUNTEER);
        org.ringwatch.request.RecordsRequest request = fixtures.filed(owner, "IL", "aurora-police-department",
                LocalDate.of(2026, 11, 2));
        // Files are attached to what the agency sent, so the agency answers first.
        fixtures.log(owner, request, LocalDate.of(2026, 11, 4), "received", "acknowledged", false, "The answer");
        Path scan = files.resolve("scan.pdf");
        Files.write(scan, org.ringwatch.document.TestFiles.scannedPdf("Portal agreement"));
        Path letter = files.resolve("letter.pdf");
        Files.write(letter, org.ringwatch.document.TestFiles.textPdf("The agency's answer"));

        signIn(owner.email, org.ringwatch.account.Fixtures.PASSWORD);
        driver.get(url("/requests/" + request.id));
        WebElement form = driver.findElement(By.cssSelector("form.upload"));
        form.findElement(By.cssSelector("input[type=file]")).sendKeys(scan + "\n" + letter);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // The script keeps us on the page and shows one progress bar per file.
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("ul.upload-progress progress"), 2));
        // Two files through a busy machine's HTTP layer and storage: a longer wait than a click's.
        new WebDriverWait(driver, Duration.ofSeconds(45)).until(d -> d.findElements(
                By.cssSelector("ul.upload-progress .upload-status")).stream().allMatch(s -> s.getText().contains("uploaded")));
        assertThat(driver.getCurrentUrl(), startsWith(url("/requests/" + request.id)));
        driver.get(url("/requests/" + request.id));
        assertThat(driver.findElement(By.tagName("main")).getText(), containsString("scan.pdf"));
        assertThat(driver.findElement(By.tagName("main")).getText(), containsString("letter.pdf"));
    }

    private void signIn(String email, String password) {
        driver.get(url("/login"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        submit("form[action=\"/login\"]");
        wait.until(ExpectedConditions.urlToBe(url("/dashboard")));
        assertEquals("Your requests", heading());
    }

    /** Creates a volunteer invitation on the moderation page and returns its link. */
    private String invite(String email) {
        driver.get(url("/moderation/invitations"));
        driver.findElement(By.id("email")).sendKeys(email);
        new Select(driver.findElement(By.id("role"))).selectByValue("volunteer");
        WebElement days = driver.findElement(By.id("days"));
        days.clear();
        days.sendKeys("7");
        submit("form[action=\"/moderation/invitations\"]");
        String link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invitation-link"))).getText()
                .strip();
        assertThat(link, startsWith(url("/invitations/")));
        assertThat(driver.findElement(By.cssSelector("table tbody")).getText(), containsString(email));
        return link;
    }

    private void signOut() {
        submit("form[action=\"/logout\"]");
        wait.until(ExpectedConditions.urlToBe(url("/")));
        assertFalse(driver.findElements(By.cssSelector("nav a[href=\"/login\"]")).isEmpty(),
                "after signing out the nav offers 'Sign in'");
    }

    /** Accepts the invitation: first with a too-short password, which is refused, then properly. */
    private void join(String link, String name) {
        driver.get(link);
        assertEquals("Join RingWatch", heading());
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys("too short");
        driver.findElement(By.id("confirmation")).sendKeys("too short");
        submit("form[action^=\"/invitations/\"]");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".field.has-error .error")));
        assertThat(error.getText(), containsString("at least 10 characters"));
        assertEquals(name, driver.findElement(By.id("name")).getDomProperty("value"), "the name is kept");
        assertEquals("", driver.findElement(By.id("password")).getDomProperty("value"), "a password is never echoed");

        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("confirmation")).sendKeys(PASSWORD);
        submit("form[action^=\"/invitations/\"]");
        wait.until(ExpectedConditions.urlToBe(url("/dashboard")));
        assertEquals("Your requests", heading());
        assertThat(flash(), containsString("Welcome to RingWatch, " + name + "."));
    }

    /** Starts a request from the agency's form and returns the request page's address. */
    private String startRequest(String agency, String title) {
        driver.get(url("/requests/new?agency=" + agency));
        WebElement titleField = driver.findElement(By.id("title"));
        titleField.clear();
        titleField.sendKeys(title);
        assertThat(driver.findElement(By.id("records")).getDomProperty("value"), containsString("Ring"));
        // Another test may have opened a request to this agency already: file ours anyway.
        driver.findElements(By.name("confirmDuplicate")).forEach(WebElement::click);
        submit("form[action=\"/requests\"]");
        wait.until(ExpectedConditions.urlMatches("/requests/\\d+$"));
        assertEquals(title, heading());
        assertThat(driver.findElement(By.tagName("main")).getText(), containsString("Not filed yet"));
        assertThat(status(), equalTo("Draft"));
        return driver.getCurrentUrl();
    }

    private void logFiling(LocalDate filed) {
        // Sending the letter without filing is refused, with its message by the status field.
        fillEvent(filed, "sent", "email", "");
        submit("form[action$=\"/events\"]");
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status-error")));
        assertThat(refusal.getText(), containsString("choose “Filed” as the new status"));
        assertEquals(filed.toString(), driver.findElement(By.id("date")).getDomProperty("value"), "the date is kept");
        assertEquals("sent", new Select(driver.findElement(By.id("direction"))).getFirstSelectedOption()
                .getDomProperty("value"), "the direction is kept");

        fillEvent(filed, "sent", "email", "filed");
        submit("form[action$=\"/events\"]");
        assertEquals("Entry logged.", flash());
        assertThat(driver.findElement(By.cssSelector("p.working")).getText(), containsString("business days from"));
        assertThat(status(), equalTo("Filed"));
        assertThat(driver.findElements(By.cssSelector("ol.log li")), hasSize(1));
    }

    private void logAcknowledgement(String requestUrl, LocalDate acknowledged) {
        fillEvent(acknowledged, "received", "email", "acknowledged");
        submit("form[action$=\"/events\"]");
        assertEquals("Entry logged.", flash());
        assertThat(driver.getCurrentUrl(), startsWith(requestUrl));
        assertThat(driver.findElements(By.cssSelector("ol.log li")), hasSize(2));
        assertThat(status(), equalTo("Acknowledged"));
        // An acknowledged request cannot go back to filed: the form does not offer it.
        List<String> offered = new Select(driver.findElement(By.id("status"))).getOptions().stream()
                .map(o -> o.getDomProperty("value")).toList();
        assertThat(offered, not(hasItem("filed")));
        assertThat(offered, hasItem("processing"));
    }

    private void fillEvent(LocalDate date, String direction, String channel, String status) {
        // A date input's typing order depends on the browser's locale; set its value directly.
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id("date")), date.toString());
        new Select(driver.findElement(By.id("direction"))).selectByValue(direction);
        new Select(driver.findElement(By.id("channel"))).selectByValue(channel);
        new Select(driver.findElement(By.id("status"))).selectByValue(status);
    }

    /** Submits the form and waits until the browser has left the page it was on. */
    private void submit(String formSelector) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector(formSelector + " button[type=submit]")).click();
        wait.until(Chromium.left(page));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        // The error page's heading is "403 · Forbidden" and the like (a CSRF refusal would show here).
        assertThat("the page after submitting " + formSelector + ": " + driver.findElement(By.tagName("main"))
                .getText(), heading(), not(matchesPattern("\\d{3} · .*")));
    }

    private String heading() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText();
    }

    private String flash() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash"))).getText();
    }

    /** The request's status badge, under its title. */
    private String status() {
        return driver.findElement(By.cssSelector("h1 + p.meta .status")).getText();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private static LocalDate weekdayOnOrBefore(LocalDate date) {
        LocalDate day = date;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        return day;
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // Best effort: a leftover file in the temp directory must not fail the test.
        }
    }
}
