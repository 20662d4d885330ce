package org.ringwatch.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.agency.Agency;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.document.DocumentFixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lists that complete the API: states, cities and counties, partnership facts, a document's
 * pages. Each in every format, paged without a row twice, filtered, with bad parameters named.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ReferenceListsTest {

    @Inject
    AgreementFixtures agreements;

    @Test
    void shouldListEveryStateInEveryFormat() {
        List<String> codes = ListWalk.everyFormat("/api/v1/states?limit=10", "code,name,kind,agency_count,url", "code");
        assertEquals(52, codes.size());
        assertEquals("US", codes.get(0), "the federal FOIA first");
        given().when().get("/api/v1/states").then().statusCode(200).body("items.size()", equalTo(52))
                .body("next", nullValue());
        given().queryParam("cursor", "djEfWlo").when().get("/api/v1/states").then().statusCode(400)
                .body("parameter", equalTo("cursor"));
    }

    @Test
    void shouldListCitiesAndCountiesWithTheirAgencies() {
        Agency agency = agreements.fictionalAgency("Tamsford");
        List<String> cities = ListWalk.everyFormat("/api/v1/jurisdictions?state=OR&kind=city&limit=7",
                "state,kind,slug,name,geoid,population,latitude,longitude,agency_count,page", "state", "slug");
        assertTrue(cities.contains("OR/" + agency.city.slug), cities.toString());
        JsonPath found = given().queryParam("q", agency.city.name).when()
                .get("/api/v1/jurisdictions").then().statusCode(200).extract().jsonPath();
        assertEquals(1, found.getList("items").size());
        assertEquals(1, found.getInt("items[0].agency_count"));
        assertEquals("/states/or/cities/" + agency.city.slug, found.getString("items[0].page"));

        List<String> counties = ListWalk.everyFormat("/api/v1/jurisdictions?state=IL&kind=county&limit=20",
                "state,kind,slug,name,geoid,population,latitude,longitude,agency_count,page", "state", "slug");
        assertTrue(counties.size() > 20, "seeded Illinois counties over several pages: " + counties.size());

        given().queryParam("kind", "village").when().get("/api/v1/jurisdictions").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("kind"));
        given().queryParam("state", "XX").when().get("/api/v1/jurisdictions").then().statusCode(400)
                .body("parameter", equalTo("state"));
        given().queryParam("city", "aurora").when().get("/api/v1/jurisdictions").then().statusCode(400)
                .body("parameter", equalTo("city"));
    }

    @Test
    void shouldListPartnershipFactsWithTheirSources() {
        List<String> ids = ListWalk.everyFormat("/api/v1/facts?state=IL&limit=25", "id,agency,agency_name,state,kind,"
                + "date,precision,statement,source_record,source.title,source.publisher,source.url,source.licence,"
                + "source.retrieved", "id");
        assertTrue(ids.size() > 25, "seeded Illinois facts over several pages: " + ids.size());

        JsonPath window = given().queryParam("kind", "portal_active").queryParam("from", "2019-01-01")
                .queryParam("to", "2019-12-31").queryParam("all", "true").when().get("/api/v1/facts").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> facts = window.getList("items");
        assertTrue(!facts.isEmpty());
        for (Map<String, Object> fact : facts) {
            assertEquals("portal_active", fact.get("kind"));
            String date = (String) fact.get("date");
            assertTrue(date.startsWith("2019"), date);
            assertTrue(((Map<?, ?>) fact.get("source")).get("licence") != null, fact.toString());
        }
        given().queryParam("kind", "rumour").when().get("/api/v1/facts").then().statusCode(400)
                .body("parameter", equalTo("kind"));
        given().queryParam("from", "2019-13-01").when().get("/api/v1/facts").then().statusCode(400)
                .body("parameter", equalTo("from"));
        given().queryParam("agency", "IL/no-such-agency").when().get("/api/v1/facts").then().statusCode(400)
                .body("parameter", equalTo("agency"));
    }

    @Test
    void shouldListADocumentsPagesAsThePublicMaySeeThem() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Pellham");
        long document = scene.uploadPublished("minutes.pdf", Papers.textPdf(List.of(List.of("Page one."),
                List.of("Page two, a resident's address."), List.of("Page three."))));
        Fixtures.api(scene.moderatorToken()).body(Map.of("reason", "a resident's address")).when()
                .post("/api/v1/documents/" + document + "/pages/2/withhold").then().statusCode(200);
        DocumentFixtures.awaitPublic(document);

        String url = "/api/v1/documents/" + document + "/pages?limit=2";
        assertEquals(List.of("1", "2", "3"), ListWalk.everyFormat(url,
                "document,page,text,source,withheld,withheld_reason,citation", "page"));
        given().queryParam("all", "true").when().get("/api/v1/documents/" + document + "/pages").then().statusCode(200)
                .body("items[1].withheld", equalTo(true)).body("items[1].text", nullValue())
                .body("items[1].withheld_reason", equalTo("a resident's address"))
                .body("items[2].text", startsWith("Page three."));

        long unpublished = scene.upload("draft.pdf", Papers.textPdf(List.of(List.of("Not yet."))));
        given().when().get("/api/v1/documents/" + unpublished + "/pages").then().statusCode(404);
        Fixtures.api(scene.authorToken()).when().get("/api/v1/documents/" + unpublished + "/pages").then()
                .statusCode(200).header("Cache-Control", "private, no-store").body("items[0].text", startsWith("Not yet."));
    }

    @Test
    void shouldAnswerARepeatedConditionalRequestWith304() {
        String etag = given().queryParam("state", "IL").when().get("/api/v1/jurisdictions").then().statusCode(200)
                .extract().header("ETag");
        given().queryParam("state", "IL").header("If-None-Match", etag).when().get("/api/v1/jurisdictions").then()
                .statusCode(304);
        String facts = given().queryParam("state", "IL").when().get("/api/v1/facts").then().statusCode(200)
                .extract().header("ETag");
        given().queryParam("state", "IL").header("If-None-Match", facts).when().get("/api/v1/facts").then()
                .statusCode(304);
        assertNull(given().queryParam("state", "IL").queryParam("format", "csv").when().get("/api/v1/facts").then()
                .statusCode(200).extract().header("ETag"), "a streamed answer is not hashed");
    }
}
