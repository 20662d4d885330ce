package org.ringwatch.browse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline's table against counts made by hand: invented partnership facts and agreements in
 * Oregon (compared before and after, since other tests add Oregon facts too), and the seed's own
 * Wisconsin rows counted from the CSV file. The SVG must parse as XML and title every bar.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class TimelineTest {

    private static final Pattern ROW = Pattern.compile(
            "<tr data-month=\"(\\d{4}-\\d{2})\">.*?<td>(\\d+)</td><td>(\\d+)</td></tr>", Pattern.DOTALL);

    @Inject
    Fixtures fixtures;
    @Inject
    AgreementFixtures agencies;
    @Inject
    Rows rows;

    /**
     * By hand: March 2019 gains two agencies (a day- and a month-precise fact; the first agency's
     * later fact in June does not count it twice) and one signed agreement (a draft signed that
     * month does not count); November 2020 one agreement; one agency known only to the year
     * 2019, one live in 2021, one agreement known only to the year.
     */
    @Test
    void shouldCountWhatWentLiveAndWhatWasSignedPerMonthAsCountedByHand() {
        String before = page("/states/or/timeline");
        Account editor = fixtures.account(Role.MODERATOR);
        Agency first = agencies.fictionalAgency("Tessaly Creek");
        rows.fact(first, "2019-03-14", "day");
        rows.fact(first, "2019-06-01", "month");
        rows.fact(agencies.fictionalAgency("Orrin Gap"), "2019-03-01", "month");
        rows.fact(agencies.fictionalAgency("Dunmore Flats"), "2019-01-01", "year");
        rows.fact(agencies.fictionalAgency("Velder"), "2021-02-02", "day");
        rows.signed(editor, first, "2019-03-05", "day", true);
        rows.signed(editor, first, "2019-03-20", "day", false);
        rows.signed(editor, first, "2020-11-01", "month", true);
        rows.signed(editor, first, "2019-01-01", "year", true);
        String after = page("/states/or/timeline");

        Map<String, long[]> was = table(before);
        Map<String, long[]> is = table(after);
        assertEquals(36, is.size());
        for (String month : is.keySet()) {
            long live = switch (month) {
                case "2019-03" -> 2;
                default -> 0;
            };
            long signed = switch (month) {
                case "2019-03", "2020-11" -> 1;
                default -> 0;
            };
            assertEquals(was.get(month)[0] + live, is.get(month)[0], "went live in " + month);
            assertEquals(was.get(month)[1] + signed, is.get(month)[1], "signed in " + month);
        }
        assertEquals(note(before, "live-year-only") + 1, note(after, "live-year-only"));
        assertEquals(note(before, "live-outside") + 1, note(after, "live-outside"));
        assertEquals(note(before, "signed-year-only") + 1, note(after, "signed-year-only"));
        assertEquals(note(before, "signed-outside"), note(after, "signed-outside"));
    }

    @Test
    void shouldShowTheSeedsWisconsinPartnershipsPerMonthAsTheCsvCountsThem() throws IOException {
        Map<String, LocalDate> earliest = new HashMap<>();
        List<List<String>> csv = csv(resource("db/seed/ring/ring_partnerships_2020-10-07_normalized.csv"));
        List<String> header = csv.get(0);
        int agency = header.indexOf("agency");
        int state = header.indexOf("state");
        int date = header.indexOf("ring_active_date");
        int precision = header.indexOf("ring_active_date_precision");
        long yearOnly = 0;
        for (List<String> row : csv.subList(1, csv.size())) {
            if (!row.get(state).equals("WI")) {
                continue;
            }
            if (row.get(precision).equals("year")) {
                yearOnly++;
                continue;
            }
            LocalDate on = row.get(precision).equals("month") ? YearMonth.parse(row.get(date)).atDay(1)
                    : LocalDate.parse(row.get(date));
            earliest.merge(row.get(agency), on, (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<String, Long> expected = new HashMap<>();
        earliest.values().forEach(on -> expected.merge(YearMonth.from(on).toString(), 1L, Long::sum));

        String html = page("/states/wi/timeline");
        Map<String, long[]> shown = table(html);
        assertEquals(36, shown.size());
        long total = 0;
        for (Map.Entry<String, long[]> month : shown.entrySet()) {
            assertEquals(expected.getOrDefault(month.getKey(), 0L), month.getValue()[0], month.getKey());
            total += month.getValue()[0];
        }
        assertTrue(total > 0, "Wisconsin has seeded partnerships in 2018-2020");
        assertEquals(yearOnly, note(html, "live-year-only"));
    }

    @Test
    void shouldDrawWellFormedSvgWithATitleOnEveryBarAndTheMilestonesWithSources() throws Exception {
        String html = page("/timeline");
        int start = html.indexOf("<svg");
        int end = html.indexOf("</svg>") + "</svg>".length();
        assertTrue(start >= 0 && end > start, "the page has an inline SVG");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element svg = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.substring(start, end).getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertEquals("img", svg.getAttribute("role"));
        assertEquals("title", firstChild(svg).getLocalName());
        assertEquals(1, svg.getElementsByTagNameNS("*", "desc").getLength());

        NodeList rects = svg.getElementsByTagNameNS("*", "rect");
        int bars = 0;
        Map<String, long[]> table = table(html);
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (!rect.getAttribute("class").equals("bar")) {
                continue;
            }
            bars++;
            Element title = firstChild(rect);
            assertEquals("title", title.getLocalName());
            assertFalse(title.getTextContent().isBlank());
        }
        assertEquals(72, bars, "36 months, two series");
        // The bar of August 2019 says the table's number.
        String august = "August 2019: " + table.get("2019-08")[0] + " agenc";
        assertTrue(html.contains(august), august);

        assertTrue(html.contains("<time datetime=\"2021-06-07\">2021-06-07</time>"), "Request for Assistance");
        assertTrue(html.contains("<time datetime=\"2024-01-24\">2024-01-24</time>"), "its end");
        assertTrue(html.contains("href=\"https://www.the-ambient.com/news/ring-request-for-assistance-post-neighbors-app-police-2644/\""));
        assertFalse(html.contains("<script"), "no script");
    }

    @Test
    void shouldAnswer404ForAnUnknownState() {
        given().when().get("/states/zz/timeline").then().statusCode(404);
    }

    private static String page(String path) {
        return given().when().get(path).then().statusCode(200).body(containsString("role=\"img\"")).extract().asString();
    }

    private static Map<String, long[]> table(String html) {
        Map<String, long[]> months = new HashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            months.put(row.group(1), new long[] {Long.parseLong(row.group(2)), Long.parseLong(row.group(3))});
        }
        return months;
    }

    private static long note(String html, String id) {
        Matcher m = Pattern.compile("<span id=\"" + id + "\">(\\d+)</span>").matcher(html);
        assertTrue(m.find(), id);
        return Long.parseLong(m.group(1));
    }

    private static Element firstChild(Element parent) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        throw new AssertionError(parent.getLocalName() + " has no child element");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString().trim());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString().trim());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString().trim());
            rows.add(row);
        }
        return rows;
    }

    /** Invented facts and agreements, straight into their tables. */
    @ApplicationScoped
    static class Rows {

        @Inject
        EntityManager em;

        @Transactional
        void fact(Agency agency, String on, String precision) {
            em.createNativeQuery("""
                    WITH src AS (
                        INSERT INTO source (title, publisher) VALUES (:title, 'RingWatch tests') RETURNING id)
                    INSERT INTO partnership_fact (agency_id, kind, occurred_on, precision, source_id)
                    SELECT :agency, 'portal_active', CAST(:on AS date), :precision, id FROM src
                    """).setParameter("title", "Invented for a test " + UUID.randomUUID())
                    .setParameter("agency", agency.id).setParameter("on", on).setParameter("precision", precision)
                    .executeUpdate();
        }

        /** An agreement of {@code agency} signed on {@code on}, citing a document made for it. */
        @Transactional
        void signed(Account editor, Agency agency, String on, String precision, boolean published) {
            String sha256 = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
            em.createNativeQuery("INSERT INTO blob (sha256, size_bytes, media_type) VALUES (:sha, 0, 'application/pdf')")
                    .setParameter("sha", sha256).executeUpdate();
            em.createNativeQuery("""
                    WITH request AS (
                        INSERT INTO records_request (agency_id, requester_id, title, records_sought)
                        VALUES (:agency, :editor, 'The Ring agreement', 'The Ring MOU') RETURNING id),
                    doc AS (
                        INSERT INTO document (request_id, agency_id, blob_sha256, original_name, uploaded_by, status)
                        SELECT id, :agency, :sha, 'invented-mou.pdf', :editor, 'ready' FROM request RETURNING id),
                    agreement_row AS (
                        INSERT INTO agreement (agency_id, kind, title, visibility, created_by, published_by, published_at)
                        VALUES (:agency, 'mou', 'MOU between an invented town and Ring LLC', :visibility, :editor,
                                CASE WHEN :published THEN CAST(:editor AS bigint) END,
                                CASE WHEN :published THEN now() END)
                        RETURNING id)
                    INSERT INTO agreement_date (agreement_id, kind, occurred_on, precision, document_id, page_number)
                    SELECT agreement_row.id, 'signed', CAST(:on AS date), :precision, doc.id, 1 FROM agreement_row, doc
                    """).setParameter("agency", agency.id).setParameter("editor", editor.id).setParameter("sha", sha256)
                    .setParameter("visibility", published ? "published" : "draft")
                    .setParameter("published", published).setParameter("on", on).setParameter("precision", precision)
                    .executeUpdate();
        }
    }
}
