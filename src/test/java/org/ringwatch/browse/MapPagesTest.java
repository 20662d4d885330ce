package org.ringwatch.browse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.agency.Boundaries;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The maps over real HTTP and the seeded database: every shape a named link, links that lead to
 * the county's agencies, a state zoomed to its outline, and a published agreement marking its
 * county while a draft does not.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class MapPagesTest {

    /** A shape as the map draws it: the link, its accessible name, its title, the shape's class. */
    private static final Pattern SHAPE = Pattern.compile(
            "<a href=\"([^\"]+)\" aria-label=\"([^\"]+)\"><title>([^<]+)</title><path class=\"([^\"]+)\" d=\"[^\"]+\"/></a>");
    private static final Pattern VIEW_BOX = Pattern.compile("<svg class=\"map\" viewBox=\"([^\"]+)\"");

    @Inject
    AgreementFixtures agreements;

    @Inject
    EntityManager em;

    private record Shape(String href, String label, String title, String cssClass) {
    }

    private static List<Shape> shapes(String html) {
        List<Shape> shapes = new ArrayList<>();
        Matcher m = SHAPE.matcher(html);
        while (m.find()) {
            shapes.add(new Shape(m.group(1), m.group(2), m.group(3), m.group(4)));
        }
        return shapes;
    }

    private static String page(String path) {
        return given().when().get(path).then().statusCode(200).contentType(ContentType.HTML).extract().asString();
    }

    @Test
    void shouldLoadEveryStateAndCountyOfTheBoundaryFile() {
        Boundaries us = Boundaries.us();
        assertEquals(51, us.states().size(), "50 states and DC");
        assertEquals(3142, us.counties().size());
        assertEquals("55079", us.county("55079").orElseThrow().fips());
        assertEquals("Milwaukee County", us.county("55079").orElseThrow().label());
        assertEquals("Richmond city", us.county("51760").orElseThrow().label());
        Boundaries.Box all = us.box();
        for (Boundaries.StateShape state : us.states()) {
            Boundaries.Box box = state.box();
            assertTrue(box.minX() >= all.minX() && box.maxX() <= all.maxX() && box.minY() >= all.minY()
                    && box.maxY() <= all.maxY() && box.minX() < box.maxX() && box.minY() < box.maxY(),
                    state.code() + " lies on the map: " + box);
        }
        assertTrue(all.minX() < 0 && all.maxX() < us.width(), "Alaska's inset reaches left of the nominal frame: " + all);
    }

    @Test
    void shouldDrawEveryStateAndCountyAsALinkWithANameAndATitle() {
        String html = page("/map");
        Matcher viewBox = VIEW_BOX.matcher(html);
        assertTrue(viewBox.find());
        assertEquals(Boundaries.us().box().viewBox(0.005), viewBox.group(1), "the whole country, Alaska included");
        List<Shape> shapes = shapes(html);
        long paths = Pattern.compile("<path class=\"(county|state)").matcher(html).results().count();
        assertEquals(paths, shapes.size(), "every state and county path sits in a link with a name and a title");
        List<Shape> states = shapes.stream().filter(s -> s.cssClass().equals("state")).toList();
        List<Shape> counties = shapes.stream().filter(s -> s.cssClass().startsWith("county")).toList();
        assertTrue(states.size() >= 50, states.size() + " states");
        assertTrue(counties.size() >= 3000, counties.size() + " counties");
        for (Shape s : shapes) {
            assertEquals(s.label(), s.title(), "the title says what the accessible name says");
            assertFalse(s.label().isBlank());
        }
        assertTrue(states.stream().anyMatch(s -> s.href().equals("/states/wi/map")
                && s.label().equals("Wisconsin: map of its counties")));
        Shape milwaukee = counties.stream().filter(s -> s.href().equals("/states/wi/counties/55079")).findFirst()
                .orElseThrow();
        assertTrue(milwaukee.label().startsWith("Milwaukee County, WI: "), milwaukee.label());
        assertTrue(html.contains("<a href=\"/states/wi/counties/55079\">Milwaukee County</a>"),
                "the table beside the map lists the county");
    }

    @Test
    void shouldLeadFromACountyShapeToItsSeededAgencies() {
        Shape milwaukee = shapes(page("/map")).stream().filter(s -> s.label().startsWith("Milwaukee County, WI"))
                .findFirst().orElseThrow();
        given().when().get(milwaukee.href()).then().statusCode(200)
                .body(containsString("<h1>Milwaukee County, Wisconsin</h1>"))
                .body(containsString("Greenfield Police Department"))
                .body(containsString("href=\"/agencies/wi/greenfield-police-department\""));
        // An independent city the seed found through the row's city column.
        given().when().get("/states/va/counties/51760").then().statusCode(200)
                .body(containsString("Richmond Police Department"));
        // Every link of a state's map answers.
        for (Shape s : shapes(page("/states/ri/map"))) {
            given().when().get(s.href()).then().statusCode(200);
        }
    }

    @Test
    void shouldZoomAStateMapToTheStateOutline() {
        String html = page("/states/wi/map");
        Matcher viewBox = VIEW_BOX.matcher(html);
        assertTrue(viewBox.find());
        Boundaries.StateShape wisconsin = Boundaries.us().state("WI").orElseThrow();
        assertEquals(wisconsin.box().viewBox(0.02), viewBox.group(1));
        String[] box = viewBox.group(1).split(" ");
        double x = Double.parseDouble(box[0]), y = Double.parseDouble(box[1]);
        double width = Double.parseDouble(box[2]), height = Double.parseDouble(box[3]);
        assertTrue(x > 500 && x + width < 700 && y > 80 && y + height < 260 && width < 150,
                "Wisconsin's box, not the country's: " + viewBox.group(1));
        List<Shape> shapes = shapes(html);
        assertEquals(Boundaries.us().countiesOf("WI").size(), shapes.size(), "Wisconsin's 72 counties");
        assertTrue(shapes.stream().allMatch(s -> s.href().startsWith("/states/wi/counties/55")));
    }

    @Test
    void shouldLinkTheMapsFromTheHomeAndStatePagesWhichStillAnswer() {
        given().when().get("/").then().statusCode(200).body(containsString("href=\"/map\""));
        given().when().get("/states/wi").then().statusCode(200).body(containsString("href=\"/states/wi/map\""));
        given().when().get("/states/wi/cities/greenfield").then().statusCode(200)
                .body(containsString("Greenfield Police Department"));
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownStateOrACountyOfAnotherState() {
        given().when().get("/states/zz/map").then().statusCode(404);
        given().when().get("/states/us/map").then().statusCode(404);
        given().when().get("/states/wi/counties/17031").then().statusCode(404);
        given().when().get("/states/wi/counties/x").then().statusCode(404);
    }

    @Test
    void shouldMarkTheCountyOfAPublishedAgreementButNotOfADraft() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Tamarack Flats");
        long countyId = wheelerCounty();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "INSERT INTO agency_county (agency_id, county_id) VALUES (?1, ?2)")
                .setParameter(1, scene.agency().id).setParameter(2, countyId).executeUpdate());
        long document = scene.uploadPublished("mou.pdf", Papers.textPdf(Papers.mou("Tamarack Flats")));
        long id = Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(Map.of(
                        "evidence", List.of(document), "kind", "mou", "title", "Memorandum of Understanding",
                        "counterparties", List.of("ring_llc")))
                .when().post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");

        Shape draft = wheeler(page("/states/or/map"));
        assertFalse(draft.cssClass().contains("obtained"), "a draft marks nothing: " + draft.cssClass());
        given().when().get(draft.href()).then().statusCode(200)
                .body(containsString(scene.agency().name)).body(not(containsString("agreement obtained")));

        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + id + "/publish").then()
                .statusCode(200);
        Shape published = wheeler(page("/states/or/map"));
        assertTrue(published.cssClass().contains("obtained"), published.cssClass());
        assertTrue(published.label().endsWith("1 with an agreement obtained"), published.label());
        assertTrue(wheeler(page("/map")).cssClass().contains("obtained"), "the national map marks it too");
        given().when().get(published.href()).then().statusCode(200)
                .body(containsString(scene.agency().name + "</a>")).body(containsString("agreement obtained"));
    }

    private static Shape wheeler(String html) {
        return shapes(html).stream().filter(s -> s.href().equals("/states/or/counties/41069")).findFirst()
                .orElseThrow();
    }

    /** Wheeler County, OR (41069): no partner agency in the seed, so the test's agency is its only one. */
    private long wheelerCounty() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> found = em.createNativeQuery(
                    "SELECT id FROM jurisdiction WHERE state_code = 'OR' AND kind = 'county' AND geoid = '41069'")
                    .getResultList();
            if (!found.isEmpty()) {
                return ((Number) found.get(0)).longValue();
            }
            return ((Number) em.createNativeQuery("""
                    INSERT INTO jurisdiction (state_code, kind, name, slug, geoid)
                    VALUES ('OR', 'county', 'Wheeler County', 'wheeler-county', '41069') RETURNING id""")
                    .getSingleResult()).longValue();
        });
    }
}
