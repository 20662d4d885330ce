package org.ringwatch.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.platform.RingWatchConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every list answers in JSON, CSV and NDJSON, page by page or all at once, with the same rows;
 * told by {@code format} or by Accept; a formula in a cell stays text. Checked on the agencies,
 * the list every other one follows.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ListFormatsTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Inject
    EntityManager em;

    @Inject
    RingWatchConfig config;

    @Test
    void shouldServeTheSameRowsInEveryFormatPagedOrWhole() {
        List<String> json = new ArrayList<>();
        String next = "/api/v1/agencies?state=CT&limit=7";
        while (next != null) {
            Response page = given().when().get(next).then().statusCode(200).extract().response();
            json.addAll(page.jsonPath().getList("items.slug"));
            next = page.jsonPath().getString("next");
        }
        assertTrue(json.size() > 7, "Connecticut's agencies take more than one page");

        List<String> csv = new ArrayList<>();
        next = "/api/v1/agencies?state=CT&limit=7&format=csv";
        while (next != null) {
            Response page = given().when().get(next).then().statusCode(200).contentType(startsWith("text/csv"))
                    .extract().response();
            List<String> lines = lines(page.asString());
            assertEquals("state,slug,name,kind,city,first_active.date,first_active.precision,url", lines.get(0));
            // Quoted or not as the writer sees fit; a slug has no comma.
            lines.subList(1, lines.size()).forEach(line -> csv.add(line.split(",")[1].replace("\"", "")));
            String link = page.header("Link");
            Matcher matcher = link == null ? null : NEXT.matcher(link);
            next = matcher != null && matcher.find() ? matcher.group(1) : null;
        }
        assertEquals(json, csv);

        String ndjson = given().header("Accept", "application/x-ndjson").queryParam("state", "CT")
                .queryParam("all", "true").when().get("/api/v1/agencies").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson")).extract().asString();
        List<String> all = lines(ndjson).stream().map(line -> io.restassured.path.json.JsonPath.from(line)
                .getString("slug")).toList();
        assertEquals(json, all, "all=true streams every row, in order");

        Response whole = given().queryParam("state", "CT").queryParam("all", "true").when().get("/api/v1/agencies")
                .then().statusCode(200).extract().response();
        assertEquals(json, whole.jsonPath().getList("items.slug"));
        assertNull(whole.jsonPath().getString("next"));

        String byAccept = given().header("Accept", "text/csv").queryParam("state", "CT").queryParam("limit", "3")
                .when().get("/api/v1/agencies").then().statusCode(200).extract().asString();
        assertEquals(4, lines(byAccept).size(), "a header and three rows");
    }

    @Test
    void shouldStreamMoreRowsThanOneChunk() {
        int total = given().queryParam("all", "true").queryParam("format", "ndjson").when().get("/api/v1/agencies")
                .then().statusCode(200).extract().asString().split("\n").length;
        long expected = ((Number) em.createNativeQuery("SELECT count(*) FROM agency").getSingleResult()).longValue();
        assertTrue(expected > config.listChunk(), "the seed has more agencies than one chunk");
        assertEquals(expected, total);
    }

    @Test
    void shouldKeepAFormulaInACellAsText() {
        String name = formulaAgency();
        String csv = given().queryParam("q", "HYPERLINK").queryParam("format", "csv").when().get("/api/v1/agencies")
                .then().statusCode(200).extract().asString();
        assertThat(csv, containsString(",\"'" + name.replace("\"", "\"\"") + "\","));
    }

    @Test
    void shouldRefuseAnUnknownFormatOrAllNamingTheParameter() {
        given().queryParam("format", "xml").when().get("/api/v1/agencies").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", org.hamcrest.Matchers.equalTo("format"));
        given().queryParam("all", "yes").when().get("/api/v1/agencies").then().statusCode(400)
                .body("parameter", org.hamcrest.Matchers.equalTo("all"));
    }

    private String formulaAgency() {
        String name = "=HYPERLINK(\"http://evil.example\",\"Police\") " + UUID.randomUUID().toString().substring(0, 6);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO agency (state_code, name, slug, kind, jurisdiction_level)
                VALUES ('OR', ?1, ?2, 'police', 'municipal')""").setParameter(1, name)
                .setParameter(2, "formula-" + UUID.randomUUID().toString().substring(0, 8)).executeUpdate());
        return name;
    }

    private static List<String> lines(String body) {
        return Arrays.stream(body.split("\r?\n")).filter(line -> !line.isEmpty()).toList();
    }
}
