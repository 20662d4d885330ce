package org.ringwatch.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.agency.Agency;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Last-Modified and If-Modified-Since on the records that carry them (a document, an agency),
 * If-None-Match first when a client sends both, and none on lists, whose ETag is exact.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class LastModifiedTest {

    @Inject
    AgreementFixtures agreements;

    @Test
    void shouldAnswer304WhenNotModifiedSince() throws IOException {
        Agency agency = agreements.fictionalAgency("Osterley");
        String url = "/api/v1/agencies/" + agency.stateCode + "/" + agency.slug;
        assertConditional(url);

        AgreementFixtures.Scene scene = agreements.scene("Osterley");
        long document = scene.uploadPublished("mou.pdf", Papers.textPdf(List.of(List.of("An agreement."))));
        assertConditional("/api/v1/documents/" + document);

        given().when().get("/api/v1/agencies?state=OR").then().statusCode(200).header("ETag", notNullValue())
                .header("Last-Modified", nullValue());
    }

    private static void assertConditional(String url) {
        String modified = given().when().get(url).then().statusCode(200).extract().header("Last-Modified");
        assertNotNull(modified, url);
        String etag = given().when().get(url).then().extract().header("ETag");
        String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.parse(modified, DateTimeFormatter.RFC_1123_DATE_TIME).minusSeconds(1));

        given().header("If-Modified-Since", modified).when().get(url).then().statusCode(304);
        given().header("If-Modified-Since", earlier).when().get(url).then().statusCode(200);
        given().header("If-Modified-Since", "yesterday").when().get(url).then().statusCode(200);
        given().header("If-Modified-Since", modified).header("If-None-Match", "\"another\"").when().get(url).then()
                .statusCode(200);
        given().header("If-Modified-Since", earlier).header("If-None-Match", etag).when().get(url).then()
                .statusCode(304);
    }
}
