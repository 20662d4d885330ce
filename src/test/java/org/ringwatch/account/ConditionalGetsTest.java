package org.ringwatch.account;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A repeated conditional read of a public list or record is a 304; a change gives a new ETag. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ConditionalGetsTest {

    @Inject
    AgreementFixtures agreements;

    @Inject
    Fixtures fixtures;

    /** The JSON is written once: the ETag is the hash of the very bytes sent. */
    @Test
    void shouldTagTheBytesItSends() throws NoSuchAlgorithmException {
        ExtractableResponse<Response> page = given().queryParam("limit", 200).when().get("/api/v1/agencies").then()
                .statusCode(200).contentType("application/json").extract();
        byte[] body = page.asByteArray();
        assertTrue(body.length > 16_384, "a page longer than the framework's output buffer");
        assertEquals("\"" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(body)) + "\"", page.header("ETag"));
    }

    @Test
    void shouldAnswer304ToAnUnchangedListOrRecord() throws IOException {
        for (String path : List.of("/api/v1/agencies?state=CT", "/api/v1/states/il", "/api/v1/coverage")) {
            String etag = given().when().get(path).then().statusCode(200).header("ETag", not(emptyString()))
                    .header("Cache-Control", "public, no-cache").extract().header("ETag");
            given().header("If-None-Match", etag).when().get(path).then().statusCode(304).body(emptyString());
            given().header("If-None-Match", "\"something-else\"").when().get(path).then().statusCode(200);
        }

        AgreementFixtures.Scene scene = agreements.scene("Pellworth");
        long id = scene.uploadPublished("minutes.pdf", Papers.textPdf(List.of(List.of("One."), List.of("Two."))));
        String before = given().when().get("/api/v1/documents/" + id).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", before).when().get("/api/v1/documents/" + id).then().statusCode(304);
        Fixtures.api(scene.moderatorToken()).body(Map.of("reason", "a resident's address")).when()
                .post("/api/v1/documents/" + id + "/pages/2/withhold").then().statusCode(200);
        org.ringwatch.document.DocumentFixtures.awaitPublic(id);
        String after = given().header("If-None-Match", before).when().get("/api/v1/documents/" + id).then()
                .statusCode(200).extract().header("ETag");
        assertNotEquals(before, after, "the public file changed, and so did the answer");

        // A personal answer keeps its own caching rule; streamed CSV has no ETag to compute ahead.
        Fixtures.api(scene.authorToken()).when().get("/api/v1/documents/" + id).then().statusCode(200)
                .header("Cache-Control", "private, no-store");
        given().queryParam("format", "csv").when().get("/api/v1/agencies").then().statusCode(200)
                .header("ETag", nullValue());
    }
}
