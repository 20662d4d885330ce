package org.ringwatch.document;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A request as one ZIP: the published documents as the public gets them, and the log as the
 * viewer may see it, in JSON and in CSV safe to open in a spreadsheet; nothing for whom the
 * request is not visible.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RequestArchiveTest {

    @Inject
    AgreementFixtures agreements;

    @Inject
    Fixtures fixtures;

    @Test
    void shouldHoldThePublishedFilesAndTheLogTheViewerMaySee() throws Exception {
        AgreementFixtures.Scene scene = agreements.scene("Ambridge");
        long published = scene.uploadPublished("mou.pdf", Papers.textPdf(Papers.mou(scene.town())));
        long unpublished = scene.upload("draft.pdf", Papers.textPdf(List.of(List.of("Not reviewed yet."))));
        long withheld = scene.upload("minutes.pdf", Papers.textPdf(List.of(List.of("Public page."),
                List.of("A resident's address."))));
        Fixtures.api(scene.moderatorToken()).body("{\"reason\": \"a resident's address\"}").when()
                .post("/api/v1/documents/" + withheld + "/pages/2/withhold").then().statusCode(200);
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + withheld + "/publish").then()
                .statusCode(200);
        DocumentFixtures.awaitPublic(withheld);
        fixtures.log(scene.author(), scene.request(), LocalDate.of(2027, 5, 10), "received", "acknowledged", false,
                "=HYPERLINK(\"http://evil.example\",\"click\")");
        long id = scene.request().id;

        Map<String, byte[]> zip = unzip(given().when().get("/requests/" + id + ".zip").then().statusCode(200)
                .contentType("application/zip").header("Content-Disposition", containsString("request-" + id + ".zip"))
                .header("Cache-Control", "public, no-cache").extract().asByteArray());
        assertEquals(List.of("manifest.json", "manifest.csv", "documents/" + published + "-mou.pdf",
                "documents/" + withheld + "-minutes.pdf"), List.copyOf(zip.keySet()));
        assertEquals(publicSha(published), sha256(zip.get("documents/" + published + "-mou.pdf")));
        assertEquals(publicSha(withheld), sha256(zip.get("documents/" + withheld + "-minutes.pdf")),
                "the copy without the withheld page, never the original");

        String json = new String(zip.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(json, allOf(containsString("\"title\" : \"" + scene.request().title + "\""),
                containsString("Filed by e-mail"), not(containsString("PRIVATE-ENTRY-")),
                not(containsString("draft.pdf"))));
        String csv = new String(zip.get("manifest.csv"), StandardCharsets.UTF_8);
        assertThat(csv, startsWith("event_id,date,direction,channel,status,subject,body,exemption_cited,documents\n"));
        assertThat("a formula is text in a spreadsheet", csv, containsString("'=HYPERLINK"));
        assertThat(csv, not(containsString("PRIVATE-ENTRY-")));

        // The requester's archive has their private entry too; the API gives the same archive.
        Map<String, byte[]> own = unzip(Fixtures.api(scene.authorToken()).when()
                .get("/api/v1/requests/" + id + "/archive.zip").then().statusCode(200)
                .header("Cache-Control", "private, no-store").extract().asByteArray());
        assertThat(new String(own.get("manifest.json"), StandardCharsets.UTF_8), containsString("PRIVATE-ENTRY-" + id));
        assertEquals(zip.keySet(), own.keySet(), "the files are the published ones for everyone, " + unpublished
                + " is not among them");
    }

    @Test
    void shouldNotSayAPrivateEntryExistsThroughADocumentThatCameWithIt() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Dunmere");
        long id = scene.request().id;
        long privateEntry = org.ringwatch.request.RequestEvent.<org.ringwatch.request.RequestEvent>find(
                "request.id = ?1 and body = ?2", id, "PRIVATE-ENTRY-" + id).firstResult().id;
        long document = DocumentFixtures.uploadProcessed(scene.authorToken(), id, privateEntry, "note.pdf",
                TestFiles.textPdf("A page kept with a private note."), "application/pdf");
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + document + "/publish").then()
                .statusCode(200);
        DocumentFixtures.awaitPublic(document);

        String manifest = new String(unzip(given().when().get("/requests/" + id + ".zip").then().statusCode(200)
                .extract().asByteArray()).get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(manifest, allOf(containsString("\"id\" : " + document), containsString("\"event_id\" : null"),
                not(containsString("\"event_id\" : " + privateEntry)), not(containsString("PRIVATE-ENTRY-"))));
        String own = new String(unzip(Fixtures.api(scene.authorToken()).when()
                .get("/api/v1/requests/" + id + "/archive.zip").then().statusCode(200).extract().asByteArray())
                .get("manifest.json"), StandardCharsets.UTF_8);
        assertThat("the requester sees the entry, and the document under it", own,
                containsString("\"event_id\" : " + privateEntry));
    }

    @Test
    void shouldAnswer404ForARequestTheViewerMayNotSee() {
        var owner = fixtures.account(org.ringwatch.account.Role.VOLUNTEER);
        var draft = fixtures.draft(owner, "OR", agreements.fictionalAgency("Penrith").slug);
        given().when().get("/requests/" + draft.id + ".zip").then().statusCode(404);
        given().when().get("/api/v1/requests/" + draft.id + "/archive.zip").then().statusCode(404)
                .contentType("application/problem+json");
        Fixtures.api(fixtures.token(owner)).when().get("/api/v1/requests/" + draft.id + "/archive.zip").then()
                .statusCode(200);
    }

    private static String publicSha(long id) {
        return given().when().get("/api/v1/documents/" + id).then().statusCode(200).extract().jsonPath()
                .getString("sha256");
    }

    private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
