package org.ringwatch.document;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.request.RecordsRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DocumentTest {

    @Inject
    Fixtures fixtures;

    Account owner;
    Account other;
    Account moderator;
    String ownerToken;
    String moderatorToken;
    RecordsRequest request;
    long eventId;

    @BeforeEach
    void setUp() {
        DocumentFixtures.Scene scene = DocumentFixtures.scene(fixtures);
        owner = scene.owner();
        ownerToken = scene.ownerToken();
        moderator = scene.moderator();
        moderatorToken = scene.moderatorToken();
        request = scene.request();
        eventId = scene.eventId();
        other = fixtures.account(Role.VOLUNTEER);
    }

    @Test
    void shouldReadATextPdfAndAScanAndFindTheScannedWordAfterPublishing() throws IOException {
        String word = "Zanzibar";
        long text = upload(ownerToken, "agreement.pdf", TestFiles.textPdf("Memorandum of understanding with Ring",
                "Page two mentions cameras"), "application/pdf").jsonPath().getLong("[0].id");
        long scan = upload(ownerToken, "scan.pdf", TestFiles.scannedPdf("Portal " + word + " Agreement"),
                "application/pdf").jsonPath().getLong("[0].id");

        awaitProcessed(text).body("status", equalTo("ready")).body("page_count", equalTo(2));
        awaitProcessed(scan).body("status", equalTo("ready")).body("page_count", equalTo(1));
        api(ownerToken).when().get("/api/v1/documents/" + text + "/pages/2").then().statusCode(200)
                .body("text", containsString("Page two mentions cameras")).body("source", equalTo("text_layer"));
        api(ownerToken).when().get("/api/v1/documents/" + scan + "/pages/1").then().statusCode(200)
                .body("text", containsString(word)).body("source", equalTo("ocr"));

        given().queryParam("q", word).when().get("/api/v1/search").then().statusCode(200)
                .body("items.document", not(hasItem((int) scan)));
        api(moderatorToken).when().post("/api/v1/documents/" + scan + "/publish").then().statusCode(200)
                .body("visibility", equalTo("published"));
        given().queryParam("q", word.toLowerCase()).when().get("/api/v1/search").then().statusCode(200)
                .body("items[0].document", equalTo((int) scan)).body("items[0].page", equalTo(1))
                .body("items[0].headline", containsString("<mark>" + word + "</mark>"));
        given().queryParam("q", "zanzi*").when().get("/api/v1/search").then().statusCode(200)
                .body("items.document", hasItem((int) scan));
        given().queryParam("q", "\"portal " + word + "\"").when().get("/search").then().statusCode(200)
                .body(containsString("<mark>" + word + "</mark>"), containsString("/documents/" + scan + "#page-1"));
        given().when().get("/api/v1/audit-does-not-exist").then().statusCode(404);
    }

    @Test
    void shouldKeepThePagesOfAScanInOrderWhenTheyAreReadByOcrAtOnce() throws IOException {
        // More scanned pages than OCR workers (%test: 3), with a text page among them, so pages
        // finish out of order and the text layer's page sits between pending ones.
        List<String> words = List.of("Harbor", "Meadow", "Lantern", "Quarry", "Falcon", "Timber", "Orchard");
        byte[] mixed;
        try (PDDocument scan = Loader.loadPDF(TestFiles.scannedPdf(words.stream().map(w -> "Page " + w).toArray(String[]::new)));
                PDDocument text = Loader.loadPDF(TestFiles.textPdf("A typed page between the scanned ones"));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage typed = scan.importPage(text.getPage(0));
            scan.getPages().remove(typed);
            scan.getPages().insertBefore(typed, scan.getPage(3));
            scan.save(out);
            mixed = out.toByteArray();
        }
        long id = upload(ownerToken, "scan.pdf", mixed, "application/pdf").jsonPath().getLong("[0].id");

        awaitProcessed(id).body("status", equalTo("ready")).body("page_count", equalTo(words.size() + 1));
        for (int page = 1; page <= words.size() + 1; page++) {
            String expected = page < 4 ? words.get(page - 1) : page == 4 ? "A typed page" : words.get(page - 2);
            api(ownerToken).when().get("/api/v1/documents/" + id + "/pages/" + page).then().statusCode(200)
                    .body("text", containsString(expected)).body("source", equalTo(page == 4 ? "text_layer" : "ocr"));
        }
    }

    @Test
    void shouldServeByteRangesWithTheRightBytes() throws IOException {
        byte[] bytes = TestFiles.textPdf("Range test " + UUID.randomUUID());
        long id = upload(ownerToken, "ranges.pdf", bytes, "application/pdf").jsonPath().getLong("[0].id");
        int n = bytes.length;
        Response whole = api(ownerToken).when().get("/api/v1/documents/" + id + "/file").then().statusCode(200)
                .header("Accept-Ranges", "bytes").header("ETag", notNullValue())
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", containsString("sandbox"))
                .header("Content-Disposition", containsString("filename*=UTF-8''ranges.pdf")).extract().response();
        assertArrayEquals(bytes, whole.asByteArray());
        range(id, "bytes=0-9", 206, "bytes 0-9/" + n, Arrays.copyOfRange(bytes, 0, 10));
        range(id, "bytes=100-199", 206, "bytes 100-199/" + n, Arrays.copyOfRange(bytes, 100, 200));
        range(id, "bytes=-16", 206, "bytes " + (n - 16) + "-" + (n - 1) + "/" + n, Arrays.copyOfRange(bytes, n - 16, n));
        range(id, "bytes=" + (n - 5) + "-", 206, "bytes " + (n - 5) + "-" + (n - 1) + "/" + n,
                Arrays.copyOfRange(bytes, n - 5, n));
        api(ownerToken).header("Range", "bytes=" + n + "-").when().get("/api/v1/documents/" + id + "/file")
                .then().statusCode(416).header("Content-Range", "bytes */" + n);
        api(ownerToken).header("Range", "bytes=50-10").when().get("/api/v1/documents/" + id + "/file")
                .then().statusCode(416);
        String etag = whole.header("ETag");
        api(ownerToken).header("If-None-Match", etag).when().get("/api/v1/documents/" + id + "/file")
                .then().statusCode(304);
    }

    @Test
    void shouldRefuseAPrivateOrWithheldDocumentAlikeOnEveryRepresentation() throws IOException {
        long id = upload(ownerToken, "private.pdf", TestFiles.textPdf("Officer phone 555-867-5309 and a@b.org"),
                "application/pdf").jsonPath().getLong("[0].id");
        awaitProcessed(id);
        String[] paths = {"/documents/" + id, "/documents/" + id + "/file", "/api/v1/documents/" + id,
                "/api/v1/documents/" + id + "/pages/1", "/api/v1/documents/" + id + "/file"};
        for (String path : paths) {
            given().when().get(path).then().statusCode(404);
            given().header("Range", "bytes=0-3").when().get(path).then().statusCode(404);
            api(fixtures.token(other)).when().get(path).then().statusCode(404);
            api(ownerToken).when().get(path).then().statusCode(200);
            api(moderatorToken).when().get(path).then().statusCode(200);
        }
        fixtures.browser(moderator).when().get("/documents/" + id).then().statusCode(200)
                .body(containsString("Phone number on page 1: 555-867-5309"),
                        containsString("E-mail address on page 1: a@b.org"));
        given().queryParam("q", "officer").when().get("/api/v1/search").then()
                .body("items.document", not(hasItem((int) id)));

        api(moderatorToken).when().post("/api/v1/documents/" + id + "/publish").then().statusCode(409);
        for (String flag : List.of("phone:555-867-5309", "email:a@b.org")) {
            api(moderatorToken).body(Map.of("flag", flag, "note", "the records office's own")).when()
                    .post("/api/v1/documents/" + id + "/pages/1/personal-data/clear").then().statusCode(200);
        }
        api(moderatorToken).when().post("/api/v1/documents/" + id + "/publish").then().statusCode(200);
        for (String path : paths) {
            given().when().get(path).then().statusCode(200);
        }
        fixtures.browser(moderator).formParam("reason", "an officer's phone").when()
                .post("/documents/" + id + "/pages/1/withhold").then().statusCode(303);
        DocumentFixtures.awaitPublic(id);
        given().when().get("/api/v1/documents/" + id + "/pages/1").then().statusCode(200)
                .body("withheld", equalTo(true)).body("text", nullValue());
        fixtures.browser(moderator).formParam("reason", "none").when().post("/documents/" + id + "/pages/99/withhold")
                .then().statusCode(303).header("Location", not(containsString("#page-99")));
        api(moderatorToken).body("{\"reason\": \"\"}").when().post("/api/v1/documents/" + id + "/withhold")
                .then().statusCode(422).body("errors.reason", notNullValue());
        api(moderatorToken).body("{\"reason\": \"residents' names\"}").when()
                .post("/api/v1/documents/" + id + "/withhold").then().statusCode(200)
                .body("visibility", equalTo("withheld"));
        for (String path : paths) {
            given().when().get(path).then().statusCode(404);
        }
        api(ownerToken).when().post("/api/v1/documents/" + id + "/publish").then().statusCode(403);
    }

    @Test
    void shouldRefuseBadTypesWhateverTheNameOrContentTypeAndStoreNothing() throws IOException {
        long before = Document.count();
        upload(ownerToken, "agreement.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "application/pdf", 422).then().body("errors.'agreement.pdf'", containsString("HTML"));
        upload(ownerToken, "photo.png", new byte[] {'G', 'I', 'F', '8', '9', 'a'}, "image/png", 422)
                .then().body("errors.'photo.png'", containsString("GIF"));
        // One refused file refuses the whole upload: the good PDF beside it is not kept either.
        given().header("Authorization", "Bearer " + ownerToken)
                .multiPart("file", "good.pdf", TestFiles.textPdf("fine"), "application/pdf")
                .multiPart("file", "bad.pdf.exe", new byte[] {'M', 'Z', 0, 0}, "application/pdf")
                .when().post(uploadPath()).then().statusCode(422);
        assertEquals(before, Document.count());
    }

    @Test
    void shouldAcceptEveryTypeAndKeepOnlyASafeName() throws IOException {
        Response response = given().header("Authorization", "Bearer " + ownerToken)
                .multiPart("file", "../../etc/passwd\u0007.pdf", TestFiles.textPdf("names"), "text/plain")
                .multiPart("file", "mail.eml", ("From: clerk@city.example\nTo: v@example.org\nSubject: Ring\n\n"
                        + "See attached MOU.").getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .multiPart("file", "memo.docx", TestFiles.docx("Ring memo"), "application/octet-stream")
                .multiPart("file", "sheet.xlsx", TestFiles.xlsx("Cameras given"), "application/octet-stream")
                .multiPart("file", "counts.csv", "agency,count\nAurora,3\nDenver,4\n".getBytes(StandardCharsets.UTF_8),
                        "text/plain")
                .multiPart("file", "image.png", TestFiles.png(), "image/png")
                .when().post(uploadPath()).then().statusCode(201).extract().response();
        assertEquals("passwd.pdf", response.jsonPath().getString("[0].name"), "no path, no control character");
        assertEquals("pdf", response.jsonPath().getString("[0].type"));
        assertEquals("eml", response.jsonPath().getString("[1].type"));
        assertEquals("docx", response.jsonPath().getString("[2].type"));
        assertEquals("xlsx", response.jsonPath().getString("[3].type"));
        assertEquals("csv", response.jsonPath().getString("[4].type"));
        assertEquals("png", response.jsonPath().getString("[5].type"));
        long docx = response.jsonPath().getLong("[2].id");
        awaitProcessed(docx).body("status", equalTo("ready"));
        api(ownerToken).when().get("/api/v1/documents/" + docx + "/pages/1").then().body("text", equalTo("Ring memo"));
    }

    @Test
    void shouldReportTheSameBytesAsADuplicate() throws IOException {
        byte[] bytes = TestFiles.textPdf("Duplicate " + UUID.randomUUID());
        long first = upload(ownerToken, "one.pdf", bytes, "application/pdf").jsonPath().getLong("[0].id");
        upload(ownerToken, "two.pdf", bytes, "application/pdf").then()
                .body("[0].duplicate_of", equalTo((int) first));
    }

    @Test
    void shouldQuarantineHostileAndBrokenFiles() throws IOException {
        long encrypted = upload(ownerToken, "locked.pdf", TestFiles.encryptedPdf(), "application/pdf")
                .jsonPath().getLong("[0].id");
        long truncated = upload(ownerToken, "cut.pdf", TestFiles.truncatedPdf(), "application/pdf")
                .jsonPath().getLong("[0].id");
        long bomb = upload(ownerToken, "bomb.docx", TestFiles.docxBomb(), "application/octet-stream")
                .jsonPath().getLong("[0].id");
        long loop = upload(ownerToken, "loop.pdf", TestFiles.loopingPdf(), "application/pdf")
                .jsonPath().getLong("[0].id");
        awaitProcessed(encrypted).body("status", equalTo("quarantined"))
                .body("status_reason", containsString("encrypted"));
        awaitProcessed(truncated).body("status", equalTo("quarantined"))
                .body("status_reason", containsString("damaged"));
        awaitProcessed(bomb).body("status", equalTo("quarantined"))
                .body("status_reason", containsString("decompression bomb"));
        awaitProcessed(loop).body("status", equalTo("quarantined")).body("status_reason", notNullValue());
        // The service carries on: a good file after them is processed as usual.
        long good = upload(ownerToken, "after.pdf", TestFiles.textPdf("Still working"), "application/pdf")
                .jsonPath().getLong("[0].id");
        awaitProcessed(good).body("status", equalTo("ready"));
    }

    @Test
    void shouldLetOnlyTheRequesterAndModeratorsUpload() throws IOException {
        upload(fixtures.token(other), "x.pdf", TestFiles.textPdf("x"), "application/pdf", 403);
        given().multiPart("file", "x.pdf", TestFiles.textPdf("x"), "application/pdf").when().post(uploadPath())
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + ownerToken)
                .multiPart("file", "x.pdf", TestFiles.textPdf("x"), "application/pdf")
                .when().post("/api/v1/requests/" + request.id + "/events/999999999/documents").then().statusCode(404);
        upload(moderatorToken, "m.pdf", TestFiles.textPdf("moderator upload"), "application/pdf", 201);
    }

    @Test
    void shouldUploadFromTheRequestPageWithoutJavaScript() throws IOException {
        fixtures.browser(owner).multiPart("file", "form.pdf", TestFiles.textPdf("Uploaded by form"), "application/pdf")
                .when().post("/requests/" + request.id + "/events/" + eventId + "/documents")
                .then().statusCode(303).header("Location", containsString("/requests/" + request.id));
        // The page offers the form on what the agency sent, so the agency answers first.
        fixtures.log(owner, request, java.time.LocalDate.of(2027, 5, 10), "received", "acknowledged", false, "Answer");
        fixtures.browser(owner).when().get("/requests/" + request.id).then().statusCode(200)
                .body(containsString("form.pdf"), containsString("enctype=\"multipart/form-data\""));
        given().redirects().follow(false).cookie("rw_csrf", "AAAAAAAAAAAAAAAAAAAAAA")
                .cookie(org.ringwatch.account.SessionCookies.NAME, fixtures.session(owner))
                .multiPart("file", "form.pdf", TestFiles.textPdf("no token"), "application/pdf")
                .when().post("/requests/" + request.id + "/events/" + eventId + "/documents").then().statusCode(400);
    }

    @Test
    void shouldRefuseFilesOverTheLimitWith413AndStoreNothing() throws IOException {
        long before = Document.count();
        byte[] eleven = new byte[11_000_000];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, eleven, 0, 9);
        upload(ownerToken, "big.pdf", eleven, "application/pdf", 413).then()
                .contentType("application/problem+json").body("detail", containsString("larger than the limit"));
        // Over the whole-request limit the HTTP layer itself answers 413 and closes the connection,
        // sometimes before the client has finished sending (it then sees the connection drop).
        byte[] tooLargeForTheServer = new byte[25_000_000];
        try {
            int status = given().header("Authorization", "Bearer " + ownerToken)
                    .multiPart("file", "huge.pdf", tooLargeForTheServer, "application/pdf")
                    .when().post(uploadPath()).statusCode();
            assertEquals(413, status);
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(String.valueOf(cause.getMessage()), org.hamcrest.Matchers.anyOf(
                    containsString("Broken pipe"), containsString("Connection reset")));
        }
        assertEquals(before, Document.count());
    }

    @Test
    void shouldTurnAnEmailsAttachmentsIntoDocumentsOfTheirOwn() throws IOException {
        String boundary = "b0undary";
        String pdf = java.util.Base64.getMimeEncoder().encodeToString(TestFiles.textPdf("Attached MOU text"));
        String mail = "From: clerk@city.example\r\nTo: v@example.org\r\nSubject: Your records request\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=" + boundary + "\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nPlease find the MOU attached.\r\n"
                + "--" + boundary + "\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment;"
                + " filename=\"mou.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + pdf + "\r\n"
                + "--" + boundary + "\r\nContent-Type: text/html\r\nContent-Disposition: attachment;"
                + " filename=\"page.html\"\r\n\r\n<html><script>alert(1)</script></html>\r\n"
                + "--" + boundary + "--\r\n";
        long email = upload(ownerToken, "reply.eml", mail.getBytes(StandardCharsets.UTF_8), "message/rfc822")
                .jsonPath().getLong("[0].id");
        awaitProcessed(email).body("status", equalTo("ready"))
                .body("status_reason", containsString("page.html: HTML, SVG and XML files are not accepted"));
        api(ownerToken).when().get("/api/v1/documents/" + email + "/pages/1").then()
                .body("text", containsString("Subject: Your records request"))
                .body("text", containsString("Please find the MOU attached."));
        Document attachment = Document.find("parentId", email).firstResult();
        org.junit.jupiter.api.Assertions.assertNotNull(attachment, "the PDF attachment became a document");
        assertEquals("mou.pdf", attachment.originalName);
        awaitProcessed(attachment.id).body("status", equalTo("ready"));
        api(ownerToken).when().get("/api/v1/documents/" + attachment.id + "/pages/1").then()
                .body("text", containsString("Attached MOU text"));
        assertEquals(1, Document.count("parentId", email), "the refused HTML attachment was not kept");
    }

    @Test
    void shouldShowAThumbnailUnderTheSameRulesAsTheFile() throws IOException {
        long id = upload(ownerToken, "thumb.pdf", TestFiles.textPdf("Thumbnail page"), "application/pdf")
                .jsonPath().getLong("[0].id");
        awaitProcessed(id);
        byte[] png = api(ownerToken).when().get("/documents/" + id + "/thumbnail").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertEquals((byte) 0x89, png[0]);
        given().when().get("/documents/" + id + "/thumbnail").then().statusCode(404);
        api(moderatorToken).when().post("/api/v1/documents/" + id + "/publish").then().statusCode(200);
        given().when().get("/documents/" + id + "/thumbnail").then().statusCode(200);
        api(ownerToken).queryParam("verify", true).when().get("/api/v1/documents/" + id + "/file").then()
                .statusCode(200);
    }

    private String uploadPath() {
        return DocumentFixtures.uploadPath(request.id, eventId);
    }

    private Response upload(String token, String name, byte[] bytes, String contentType) {
        return upload(token, name, bytes, contentType, 201);
    }

    private Response upload(String token, String name, byte[] bytes, String contentType, int status) {
        return DocumentFixtures.upload(token, request.id, eventId, name, bytes, contentType, status);
    }

    private void range(long id, String range, int status, String contentRange, byte[] expected) {
        byte[] body = api(ownerToken).header("Range", range).when().get("/api/v1/documents/" + id + "/file")
                .then().statusCode(status).header("Content-Range", contentRange).extract().asByteArray();
        assertArrayEquals(expected, body, range);
    }

    private io.restassured.response.ValidatableResponse awaitProcessed(long id) {
        return DocumentFixtures.awaitProcessed(moderatorToken, id);
    }

    private static RequestSpecification api(String token) {
        return Fixtures.api(token);
    }
}
