package org.ringwatch.search;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.api.ListWalk;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Search hits in every format, page by page and whole; the agreements that match stay on the first JSON page. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SearchListTest {

    static final String HEADER = "document,page,document_name,request,request_title,publisher,agency,agency_name,"
            + "rank,headline,link";

    @Inject
    AgreementFixtures agreements;

    @Test
    void shouldServeEveryHitOnceInEveryFormat() throws IOException {
        String word = UniqueWords.of("zorblax");
        AgreementFixtures.Scene scene = agreements.scene("Pellory Ford");
        long document = scene.uploadPublished("minutes.pdf", Papers.textPdf(List.of(List.of("Minutes " + word),
                List.of("More " + word), List.of("Nothing here"), List.of("Last " + word))));
        String agency = scene.agency().stateCode + "/" + scene.agency().slug;

        List<String> pages = ListWalk.everyFormat("/api/v1/search?q=" + word + "&agency=" + agency + "&limit=1",
                HEADER, "page");
        assertEquals(List.of("1", "2", "4"), pages.stream().sorted().toList(), "each matching page once");
        given().queryParam("q", word).queryParam("limit", 1).when().get("/api/v1/search").then().statusCode(200)
                .body("items[0].document", equalTo((int) document)).body("agreements", notNullValue())
                .body("next", notNullValue());
        given().queryParam("q", word).queryParam("state", "CA").queryParam("format", "ndjson").when()
                .get("/api/v1/search").then().statusCode(200).body(equalTo(""));
        given().queryParam("q", word).queryParam("cursor", "nonsense").queryParam("format", "csv").when()
                .get("/api/v1/search").then().statusCode(400).body("parameter", equalTo("cursor"));
        given().queryParam("q", word).queryParam("limit", "500").when().get("/api/v1/search").then().statusCode(400)
                .body("parameter", equalTo("limit"));
    }
}
