package org.ringwatch.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The public pages in a real browser at a desktop width and a phone's (1280 and 390 px): axe-core
 * finds no WCAG 2.1 A or AA violation, and nothing scrolls sideways on the phone.
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

    private static Chromium chromium;
    private static String axe;

    @TestHTTPResource("/")
    URL base;

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

    @ParameterizedTest
    @ValueSource(strings = {"/", "/states", "/states/il", "/states/il/cities/aurora",
            "/agencies/il/aurora-police-department", "/agencies", "/agencies?q=aurora", "/coverage",
            "/states/il/coverage", "/coverage/agencies?state=IL&status=not_asked", "/states/wi/map",
            "/timeline", "/states/il/timeline", "/statistics", "/agreements", "/agreements/totals",
            "/search?q=ring", "/requests", "/login"})
    void shouldHaveNoAccessibilityViolationsAndNoSidewaysScrollOnAPhone(String path) {
        WebDriver driver = chromium.driver();
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            driver.get(base.toString().replaceAll("/$", "") + path);
            problems.addAll(violations(driver, width));
            if (width == 390) {
                long scrollWidth = ((Number) ((JavascriptExecutor) driver)
                        .executeScript("return document.documentElement.scrollWidth")).longValue();
                long viewport = ((Number) ((JavascriptExecutor) driver)
                        .executeScript("return window.innerWidth")).longValue();
                if (scrollWidth > viewport) {
                    problems.add("390 px: the page is " + scrollWidth + " px wide, wider than the " + viewport
                            + " px viewport, because of " + ((JavascriptExecutor) driver).executeScript(WIDEST));
                }
            }
        }
        assertEquals(List.of(), problems, path);
    }

    /** axe-core's WCAG 2.0/2.1 A and AA rules over the page: one line per violated rule, with where. */
    @SuppressWarnings("unchecked")
    private static List<String> violations(WebDriver driver, int width) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
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
}
