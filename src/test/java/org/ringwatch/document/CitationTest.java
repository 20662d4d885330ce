package org.ringwatch.document;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Documents are citable: by the SHA-256 of the file anyone holding it can compute (page and API),
 * under the same rule as every other representation, and every page has its own link.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CitationTest {

    @Inject
    AgreementFixtures agreements;

    @Test
    void shouldResolveADocumentByTheHashOfTheFileTheViewerGets() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Harrowgate");
        long id = scene.upload("minutes.pdf", Papers.textPdf(List.of(List.of("Council minutes, page one."),
                List.of("A resident spoke; their address is on this page."))));
        String original = Fixtures.api(scene.authorToken()).when().get("/api/v1/documents/" + id).then()
                .statusCode(200).extract().jsonPath().getString("sha256");

        // Private: the public cannot learn it exists, not even from its hash.
        given().redirects().follow(false).when().get("/documents/sha256/" + original).then().statusCode(404);
        given().when().get("/api/v1/documents/sha256/" + original).then().statusCode(404)
                .contentType("application/problem+json");
        Fixtures.api(scene.authorToken()).when().get("/api/v1/documents/sha256/" + original.toUpperCase(Locale.ROOT))
                .then().statusCode(200).body("id", equalTo((int) id))
                .header("Content-Location", "/api/v1/documents/" + id);

        // Published with page 2 withheld: the public's file is the copy, and only its hash finds it.
        Fixtures.api(scene.moderatorToken()).body("{\"reason\": \"a resident's address\"}").when()
                .post("/api/v1/documents/" + id + "/pages/2/withhold").then().statusCode(200);
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + id + "/publish").then().statusCode(200);
        DocumentFixtures.awaitPublic(id);
        String copy = given().when().get("/api/v1/documents/" + id).then().statusCode(200).extract().jsonPath()
                .getString("sha256");
        assertNotEquals(original, copy);
        given().redirects().follow(false).when().get("/documents/sha256/" + copy).then().statusCode(303)
                .header("Location", endsWith("/documents/" + id));
        given().when().get("/api/v1/documents/sha256/" + copy).then().statusCode(200).body("id", equalTo((int) id));
        given().redirects().follow(false).when().get("/documents/sha256/" + original).then().statusCode(404);
        Fixtures.api(scene.moderatorToken()).redirects().follow(false).when().get("/documents/sha256/" + original)
                .then().statusCode(303).header("Location", endsWith("/documents/" + id));

        given().when().get("/documents/sha256/not-a-hash").then().statusCode(400);
        given().when().get("/api/v1/documents/sha256/" + copy.substring(1)).then().statusCode(400)
                .contentType("application/problem+json").body(containsString("hash"));
    }

    @Test
    void shouldGiveEveryPageALinkToCiteIt() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Loxley");
        long id = scene.uploadPublished("letter.pdf", Papers.textPdf(List.of(List.of("First page."),
                List.of("Second page."))));
        given().when().get("/documents/" + id).then().statusCode(200)
                .body(containsString("<a href=\"/documents/" + id + "#page-2\">Link to page 2</a>"));
        given().when().get("/api/v1/documents/" + id + "/pages/2").then().statusCode(200)
                .body("citation", matchesPattern("https?://[^/]+/documents/" + id + "#page-2"));
    }
}
