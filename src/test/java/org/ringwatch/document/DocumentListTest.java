package org.ringwatch.document;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The documents list: public documents only, with the file the public gets, each filter and a
 * bad value of each, every page of the cursor, both orders, and CSV of the whole list.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DocumentListTest {

    @Inject
    AgreementFixtures agreements;

    @Inject
    Fixtures fixtures;

    @Test
    void shouldListOnlyPublicDocumentsWithThePublicFile() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Nettlebed");
        String agency = scene.agency().stateCode + "/" + scene.agency().slug;
        long first = scene.uploadPublished("mou.pdf", Papers.textPdf(Papers.mou(scene.town())));
        long withheld = scene.upload("minutes.pdf", Papers.textPdf(List.of(List.of("Public."), List.of("Private."))));
        Fixtures.api(scene.moderatorToken()).body(Map.of("reason", "a resident's address")).when()
                .post("/api/v1/documents/" + withheld + "/pages/2/withhold").then().statusCode(200);
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + withheld + "/publish").then()
                .statusCode(200);
        DocumentFixtures.awaitPublic(withheld);
        long unpublished = scene.upload("draft.pdf", Papers.textPdf(List.of(List.of("Not reviewed."))));
        long third = scene.uploadPublished("letter.pdf", Papers.textPdf(List.of(List.of("A letter."))));

        JsonPath list = given().queryParam("agency", agency).when().get("/api/v1/documents").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(first, withheld, third), ids(list.getList("items.id")), unpublished + " is not listed");
        String publicCopy = given().when().get("/api/v1/documents/" + withheld).then().statusCode(200).extract()
                .jsonPath().getString("sha256");
        assertEquals(publicCopy, list.getString("items.find { it.id == " + withheld + " }.sha256"),
                "the file the public gets, not the original");
        assertEquals(ids(list.getList("items.id")), ids(Fixtures.api(scene.authorToken())
                .queryParam("agency", agency).when().get("/api/v1/documents").then().extract().jsonPath()
                .getList("items.id")), "the list is the public's, whoever asks");

        // Page by page, in both orders, nothing twice and nothing missing.
        assertEquals(List.of(first, withheld, third), walk("/api/v1/documents?limit=1&agency=" + agency));
        assertEquals(List.of(third, withheld, first),
                walk("/api/v1/documents?limit=2&sort=-published_at&agency=" + agency));

        given().queryParam("agency", agency).queryParam("published_to", "2000-01-01").when().get("/api/v1/documents")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().queryParam("agency", agency).queryParam("published_from", LocalDate.of(2000, 1, 1).toString())
                .queryParam("type", "pdf").queryParam("state", "or").when().get("/api/v1/documents").then()
                .statusCode(200).body("items.size()", equalTo(3));
        given().queryParam("request", scene.request().id).queryParam("type", "png").when().get("/api/v1/documents")
                .then().statusCode(200).body("items.size()", equalTo(0));

        String csv = given().queryParam("agency", agency).queryParam("format", "csv").queryParam("all", "true").when()
                .get("/api/v1/documents").then().statusCode(200).contentType(startsWith("text/csv")).extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertEquals("id,request,agency,agency_name,state,name,type,page_count,sha256,size,published_at,page,file",
                lines.get(0));
        assertEquals(4, lines.size());
    }

    @Test
    void shouldRefuseEachBadFilterNamingIt() {
        Map<String, String> bad = Map.of("state", "XX", "agency", "OR/no-such-agency", "request", "abc", "type", "exe",
                "published_from", "yesterday", "sort", "name", "cursor", "not-a-cursor", "limit", "500");
        bad.forEach((parameter, value) -> given().queryParam(parameter, value).when().get("/api/v1/documents").then()
                .statusCode(400).contentType("application/problem+json").body("parameter", equalTo(parameter)));
        given().queryParam("published_from", "2027-02-01").queryParam("published_to", "2027-01-01").when()
                .get("/api/v1/documents").then().statusCode(400).body("parameter", equalTo("published_to"));
    }

    private static List<Long> walk(String first) {
        List<Long> seen = new ArrayList<>();
        String next = first;
        while (next != null) {
            // next is already encoded: encoding it again would turn %2F into %252F.
            JsonPath page = given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().jsonPath();
            seen.addAll(ids(page.getList("items.id")));
            next = page.getString("next");
        }
        return seen;
    }

    private static List<Long> ids(List<?> values) {
        return values.stream().map(v -> ((Number) v).longValue()).toList();
    }
}
