package org.ringwatch.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.request.RecordsRequest;
import org.ringwatch.request.RequestEvent;
import org.ringwatch.platform.Today;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Withheld means withheld: the public gets a copy of the file without the withheld pages, and
 * every representation (page, page text, file, ranges, thumbnail, search, JSON) agrees with it;
 * caches may keep only what everyone may see.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class WithheldPagesTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Fixtures fixtures;

    @Inject
    Today today;

    @Inject
    Processing processing;

    @Inject
    EntityManager em;

    DocumentFixtures.Scene scene;
    String ownerToken;
    String moderatorToken;

    @BeforeEach
    void setUp() {
        scene = DocumentFixtures.scene(fixtures);
        ownerToken = scene.ownerToken();
        moderatorToken = scene.moderatorToken();
    }

    @Test
    void shouldGiveThePublicACopyWithoutAWithheldPageOnEveryRepresentation() throws IOException {
        String kept = word();
        String secret = word();
        String reason = "an officer's mobile number";
        byte[] original = TestFiles.pdfWithPicture(2, "Memorandum of understanding " + kept,
                "Call Sergeant " + secret + " on his mobile", "Signed for the City of Exampleville");
        long id = published(original);
        given().queryParam("q", secret).when().get("/api/v1/search").then().statusCode(200)
                .body("items.document", hasItem((int) id));
        assertEquals(1, images(original), "the original carries page 2's picture");

        withholdByForm(id, 2, reason);
        DocumentFixtures.awaitPublic(id);

        byte[] copy = given().when().get("/documents/" + id + "/file").then().statusCode(200)
                .header("ETag", "\"" + publicSha256(id) + "\"")
                .header("Cache-Control", "public, no-cache").extract().asByteArray();
        assertNotEquals(sha256(original), sha256(copy));
        try (PDDocument pdf = Loader.loadPDF(copy)) {
            assertEquals(3, pdf.getNumberOfPages());
            assertTrue(text(pdf, 1).contains(kept));
            assertTrue(text(pdf, 2).contains("Page 2 withheld: " + reason), text(pdf, 2));
            assertTrue(text(pdf, 3).contains("Exampleville"));
            assertFalse(text(pdf, 0).contains(secret), "page 2's text is gone from the whole file");
        }
        assertEquals(0, images(copy), "page 2's picture is gone from the whole file");
        given().when().get("/api/v1/documents/" + id).then().statusCode(200)
                .body("sha256", equalTo(sha256(copy))).body("size", equalTo(copy.length));

        byte[] part = given().header("Range", "bytes=100-199").when().get("/api/v1/documents/" + id + "/file")
                .then().statusCode(206).header("Content-Range", "bytes 100-199/" + copy.length)
                .header("ETag", "\"" + sha256(copy) + "\"").extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(copy, 100, 200), part);
        given().header("If-None-Match", "\"" + sha256(copy) + "\"").when().get("/documents/" + id + "/file")
                .then().statusCode(304);

        given().when().get("/api/v1/documents/" + id + "/pages/2").then().statusCode(200)
                .body("withheld", equalTo(true)).body("text", nullValue()).body("withheld_reason", equalTo(reason));
        given().when().get("/api/v1/documents/" + id + "/pages/1").then().statusCode(200)
                .body("text", containsString(kept));
        given().when().get("/documents/" + id).then().statusCode(200)
                .body(containsString("Page 2 withheld: " + reason.replace("'", "&#39;")), not(containsString(secret)),
                        containsString(sha256(copy)),
                        not(containsString(sha256(original))), containsString("/file#page=1"),
                        not(containsString("/file#page=2")));
        given().queryParam("q", secret).when().get("/api/v1/search").then().statusCode(200)
                .body("items.document", not(hasItem((int) id)));
        given().queryParam("q", kept).when().get("/api/v1/search").then().statusCode(200)
                .body("items.document", hasItem((int) id));
        assertArrayEquals(thumbnail(Fixtures.api(ownerToken), id), thumbnail(given(), id),
                "page 1 is not withheld: the public thumbnail shows it as it is");

        // The reviewers still get the original, and no shared cache may keep it.
        byte[] reviewed = Fixtures.api(ownerToken).when().get("/documents/" + id + "/file").then().statusCode(200)
                .header("ETag", "\"" + sha256(original) + "\"").header("Cache-Control", "private, no-store")
                .extract().asByteArray();
        assertArrayEquals(original, reviewed);
        Fixtures.api(ownerToken).when().get("/api/v1/documents/" + id + "/pages/2").then()
                .body("text", containsString(secret)).body("withheld_reason", equalTo(reason));
        Fixtures.api(moderatorToken).when().get("/api/v1/documents/" + id).then()
                .body("sha256", equalTo(sha256(original))).body("size", equalTo(original.length));
    }

    @Test
    void shouldShowTheReplacementPageInThePublicThumbnailWhenPageOneIsWithheld() throws IOException {
        long id = published(TestFiles.textPdf("Residents' names and addresses, " + word(), "The agreement itself"));
        byte[] before = thumbnail(given(), id);

        withholdByForm(id, 1, "residents' names");
        DocumentFixtures.awaitPublic(id);

        byte[] after = given().when().get("/documents/" + id + "/thumbnail").then().statusCode(200)
                .contentType("image/png").header("Cache-Control", "public, no-cache").extract().asByteArray();
        assertFalse(Arrays.equals(before, after), "the public thumbnail shows the replacement page");
        assertArrayEquals(before, thumbnail(Fixtures.api(ownerToken), id), "the reviewers' thumbnail is the original's");
        given().when().get("/documents/" + id).then().body(containsString("residents&#39; names"));
        fixtures.browser(scene.moderator()).formParam("reason", " ").when().post("/documents/" + id + "/pages/2/withhold")
                .then().statusCode(422).body(containsString("Say why"));
        given().when().get("/api/v1/documents/" + id + "/pages/2").then().body("withheld", equalTo(false));
    }

    @Test
    void shouldServeTheOriginalAgainOnceThePageIsReleasedAndLetTheSweeperForgetTheCopy() throws IOException {
        byte[] original = TestFiles.textPdf("Page one " + word(), "Page two " + word());
        long id = published(original);
        withholdByApi(id, 2, "personal data");
        Fixtures.api(moderatorToken).body("{}").when().post("/api/v1/documents/" + id + "/pages/1/withhold").then()
                .statusCode(422).body("errors.reason", containsString("Say why"));
        Fixtures.api(moderatorToken).body("{\"reason\": \"" + "x".repeat(DocumentService.MAX_REASON + 1) + "\"}")
                .when().post("/api/v1/documents/" + id + "/pages/1/withhold").then()
                .statusCode(422).body("errors.reason", containsString("at most " + DocumentService.MAX_REASON));
        DocumentFixtures.awaitPublic(id);
        String copy = publicSha256(id);
        assertNotEquals(sha256(original), copy);
        processing.forgetUnreferencedBlobs(Instant.now());
        assertEquals(1, blobRows(copy), "the sweeper keeps the copy while the document refers to it");

        Fixtures.api(moderatorToken).when().post("/api/v1/documents/" + id + "/pages/2/release").then()
                .statusCode(200).body("withheld", equalTo(false));

        assertArrayEquals(original, given().when().get("/documents/" + id + "/file").then().statusCode(200)
                .header("ETag", "\"" + sha256(original) + "\"").extract().asByteArray());
        processing.forgetUnreferencedBlobs(Instant.now());
        assertEquals(0, blobRows(copy), "an old copy nothing refers to is forgotten, so its file can be swept");
        assertEquals(1, blobRows(sha256(original)));
    }

    @Test
    void shouldHideAnImageWithAWithheldPartFromThePublicOnEveryRepresentation() throws IOException {
        long id = published(scene.request().id, scene.eventId(), TestFiles.png(), "photo.png", "image/png");
        given().when().get("/documents/" + id + "/thumbnail").then().statusCode(200);

        withholdByForm(id, 1, "a resident's face");

        String[] paths = {"/documents/" + id, "/documents/" + id + "/file", "/documents/" + id + "/thumbnail",
                "/api/v1/documents/" + id, "/api/v1/documents/" + id + "/pages/1", "/api/v1/documents/" + id + "/file"};
        for (String path : paths) {
            given().when().get(path).then().statusCode(404);
            given().header("Range", "bytes=0-3").when().get(path).then().statusCode(404);
            Fixtures.api(ownerToken).when().get(path).then().statusCode(200)
                    .header("Cache-Control", "private, no-store");
        }
        given().when().get("/requests/" + scene.request().id).then().statusCode(200).body(not(containsString("photo.png")));
    }

    @Test
    void shouldHideAPublishedDocumentOnADraftOrEmbargoedRequestFromOthersAndFromSharedCaches() throws IOException {
        // Long enough to be read from the text layer: under 20 characters a page goes to OCR,
        // which may misread a made-up word.
        String openWord = word();
        long open = published(TestFiles.textPdf("Open agreement, page one: " + openWord));
        given().when().get("/documents/" + open + "/file").then().statusCode(200)
                .header("Cache-Control", "public, no-cache");
        given().when().get("/documents/" + open + "/thumbnail").then().statusCode(200)
                .header("Cache-Control", "public, no-cache");

        given().queryParam("q", openWord).when().get("/api/v1/search").then().statusCode(200)
                .body("items.document", hasItem((int) open));

        String embargoedWord = word();
        long embargoed = published(TestFiles.textPdf("Embargoed agreement, page one: " + embargoedWord));
        fixtures.embargo(scene.owner(), scene.request(), today.date().plusDays(30));
        RecordsRequest draft = fixtures.draft(scene.owner(), "IL", "aurora-police-department");
        fixtures.log(scene.owner(), draft, LocalDate.of(2026, 11, 2), "note", null, false, "Notes before filing");
        long note = RequestEvent.<RequestEvent>find("request.id = ?1", draft.id).firstResult().id;
        String draftWord = word();
        long drafted = published(draft.id, note, TestFiles.textPdf("Draft agreement, page one: " + draftWord),
                "draft.pdf", "application/pdf");

        // Search shows published pages of public requests only, to everyone alike.
        for (String hidden : new String[] {embargoedWord, draftWord}) {
            for (String token : new String[] {ownerToken, moderatorToken}) {
                Fixtures.api(token).queryParam("q", hidden).when().get("/api/v1/search").then().statusCode(200)
                        .body("items", hasSize(0));
            }
            given().queryParam("q", hidden).when().get("/search").then().statusCode(200)
                    .body(not(containsString("<mark>")));
        }

        for (long id : new long[] {embargoed, drafted}) {
            for (String token : new String[] {ownerToken, moderatorToken}) {
                for (String path : new String[] {"/documents/" + id + "/file", "/documents/" + id,
                        "/documents/" + id + "/thumbnail", "/api/v1/documents/" + id,
                        "/api/v1/documents/" + id + "/pages/1", "/api/v1/documents/" + id + "/file"}) {
                    Fixtures.api(token).when().get(path).then().statusCode(200)
                            .header("Cache-Control", "private, no-store");
                    given().when().get(path).then().statusCode(404);
                }
                Fixtures.api(token).header("Range", "bytes=0-9").when().get("/documents/" + id + "/file").then()
                        .statusCode(206).header("Cache-Control", "private, no-store");
            }
        }
    }

    @Test
    void shouldKeepAPageWithheldWhenTheFileIsReadAgain() throws IOException {
        String secret = word();
        long id = published(TestFiles.textPdf("Cover letter " + word(), "Direct line of " + secret));
        withholdByForm(id, 2, "a direct line");
        DocumentFixtures.awaitPublic(id);

        // What happens to a document waiting for OCR once tesseract is installed.
        QuarkusTransaction.requiringNew().run(() -> Jobs.enqueueExtraction(em, id));
        DocumentFixtures.await("document " + id + " to be read again", () -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM job WHERE kind = 'extract' AND payload ->> 'document_id' = ?1
                           AND status IN ('pending', 'running')""").setParameter(1, String.valueOf(id))
                        .getSingleResult()).intValue() == 0));

        given().when().get("/api/v1/documents/" + id + "/pages/2").then().statusCode(200)
                .body("withheld", equalTo(true)).body("text", nullValue());
        given().queryParam("q", secret).when().get("/api/v1/search").then()
                .body("items.document", not(hasItem((int) id)));
    }

    private long published(byte[] pdf) {
        return published(scene.request().id, scene.eventId(), pdf, "agreement.pdf", "application/pdf");
    }

    /** Uploaded by the requester, read, and published by a moderator. */
    private long published(long requestId, long eventId, byte[] bytes, String name, String contentType) {
        long id = DocumentFixtures.uploadProcessed(ownerToken, requestId, eventId, name, bytes, contentType);
        Fixtures.api(moderatorToken).when().post("/api/v1/documents/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private void withholdByForm(long id, int page, String reason) {
        fixtures.browser(scene.moderator()).formParam("reason", reason).when()
                .post("/documents/" + id + "/pages/" + page + "/withhold").then().statusCode(303)
                .header("Location", containsString("#page-" + page));
    }

    private void withholdByApi(long id, int page, String reason) {
        Fixtures.api(moderatorToken).body("{\"reason\": \"" + reason.replace("\"", "\\\"") + "\"}").when()
                .post("/api/v1/documents/" + id + "/pages/" + page + "/withhold").then().statusCode(200)
                .body("withheld", equalTo(true)).body("withheld_reason", equalTo(reason));
    }

    private static String publicSha256(long id) {
        return given().when().get("/api/v1/documents/" + id).jsonPath().getString("sha256");
    }

    private static byte[] thumbnail(RequestSpecification viewer, long id) {
        Response response = viewer.when().get("/documents/" + id + "/thumbnail");
        response.then().statusCode(200).contentType("image/png");
        return response.asByteArray();
    }

    private int blobRows(String sha256) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM blob WHERE sha256 = ?1").setParameter(1, sha256).getSingleResult()).intValue());
    }

    /** The text of one page, or of the whole file for page 0. */
    private static String text(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        if (page > 0) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
        }
        return stripper.getText(pdf);
    }

    /** Every image in the file, whether a page still shows it or not. */
    private static int images(byte[] bytes) throws IOException {
        int images = 0;
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            for (COSObjectKey key : pdf.getDocument().getXrefTable().keySet()) {
                if (pdf.getDocument().getObjectFromPool(key).getObject() instanceof COSStream stream
                        && COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                    images++;
                }
            }
        }
        return images;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A word no other test uses, so search finds this test's page or nothing. */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }
}
