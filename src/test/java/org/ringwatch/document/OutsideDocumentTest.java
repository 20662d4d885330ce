package org.ringwatch.document;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.search.UniqueWords;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Documents obtained outside RingWatch (council minutes, a newspaper's copy of an MOU): uploaded
 * for an agency with where they were published and by whom, then checked, read and reviewed like
 * every document, and hidden everywhere until a moderator publishes them.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class OutsideDocumentTest {

    private static final String SOURCE = "https://portvarlow.example/council/minutes-2019-08-13.pdf";
    private static final String PUBLISHER = "City of Port Varlow clerk";

    @Inject
    Fixtures fixtures;

    Account volunteer;
    String volunteerToken;
    Account moderator;
    String moderatorToken;
    long agencyId;

    @BeforeEach
    void setUp() {
        volunteer = fixtures.account(Role.VOLUNTEER);
        volunteerToken = fixtures.token(volunteer);
        moderator = fixtures.account(Role.MODERATOR);
        moderatorToken = fixtures.token(moderator);
        agencyId = Agency.findBySlug("IL", "aurora-police-department").orElseThrow().id;
    }

    @Test
    void shouldReadAnOutsideDocumentAndHideItEverywhereUntilAModeratorPublishesIt() throws IOException {
        String word = UniqueWords.of("Quill");   // on no other test's page
        Response uploaded = upload(volunteerToken, "minutes.pdf", TestFiles.textPdf(
                "Minutes of the Port Varlow city council: the Ring memorandum " + word + " was approved four to one."),
                SOURCE, PUBLISHER).then().statusCode(201)
                .body("[0].request", nullValue()).body("[0].agency", equalTo((int) agencyId))
                .body("[0].source_url", equalTo(SOURCE)).body("[0].publisher", equalTo(PUBLISHER))
                .body("[0].visibility", equalTo("private")).extract().response();
        long id = uploaded.jsonPath().getLong("[0].id");

        DocumentFixtures.awaitProcessed(volunteerToken, id).body("status", equalTo("ready"));
        Fixtures.api(volunteerToken).when().get("/api/v1/documents/" + id + "/pages/1").then().statusCode(200)
                .body("text", containsString(word));
        Document stored = Document.findById(id);
        assertNull(stored.request);
        assertEquals(agencyId, stored.agency.id);

        String other = fixtures.token(fixtures.account(Role.VOLUNTEER));
        List<String> paths = List.of("/documents/" + id, "/documents/" + id + "/file", "/api/v1/documents/" + id,
                "/api/v1/documents/" + id + "/pages/1", "/api/v1/documents/" + id + "/file");
        for (String path : paths) {
            given().when().get(path).then().statusCode(404);
            Fixtures.api(other).when().get(path).then().statusCode(404);
            Fixtures.api(volunteerToken).when().get(path).then().statusCode(200);
            Fixtures.api(moderatorToken).when().get(path).then().statusCode(200);
        }
        fixtures.browser(volunteer).when().get("/documents/" + id).then().statusCode(200)
                .header("Cache-Control", "private, no-store");
        searchFinds(word, id, false);

        Fixtures.api(volunteerToken).when().post("/api/v1/documents/" + id + "/publish").then().statusCode(403);
        Fixtures.api(moderatorToken).when().post("/api/v1/documents/" + id + "/publish").then().statusCode(200)
                .body("visibility", equalTo("published"));
        for (String path : paths) {
            given().when().get(path).then().statusCode(200);
        }
        given().when().get("/api/v1/documents/" + id).then().body("request", nullValue())
                .body("agency", equalTo((int) agencyId)).body("source_url", equalTo(SOURCE))
                .body("publisher", equalTo(PUBLISHER));
        given().when().get("/api/v1/documents/" + id + "/pages/1").then().body("text", containsString(word));
        given().when().get("/documents/" + id).then().statusCode(200)
                .body(containsString("Obtained from " + PUBLISHER),
                        containsString("<a href=\"" + SOURCE + "\" rel=\"noopener nofollow\">"),
                        containsString("Aurora Police Department"));
        searchFinds(word, id, true);
        given().queryParam("q", word).when().get("/api/v1/search").then()
                .body("items[0].request", nullValue()).body("items[0].publisher", equalTo(PUBLISHER))
                .body("items[0].agency", equalTo("IL/aurora-police-department"));
        given().queryParam("q", word).when().get("/search").then().statusCode(200)
                .body(containsString("obtained from " + PUBLISHER));
    }

    @Test
    void shouldRefuseABadOrMissingSourceWith400NamingTheFieldAndStoreNothing() throws IOException {
        byte[] pdf = TestFiles.textPdf("A copy of the memorandum of understanding, as published.");
        Map<String, String[]> bad = new LinkedHashMap<>();
        bad.put("javascript:alert(document.cookie)", new String[] {"javascript:alert(document.cookie)", PUBLISHER});
        bad.put("an ftp address", new String[] {"ftp://files.portvarlow.example/mou.pdf", PUBLISHER});
        bad.put("an address without a host", new String[] {"https:///mou.pdf", PUBLISHER});
        bad.put("an address over 2000 characters", new String[] {"https://portvarlow.example/" + "a".repeat(2000),
                PUBLISHER});
        bad.put("no address", new String[] {null, PUBLISHER});
        bad.put("an empty address", new String[] {"  ", PUBLISHER});
        for (var entry : bad.entrySet()) {
            upload(volunteerToken, "mou.pdf", pdf, entry.getValue()[0], entry.getValue()[1]).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("parameter", equalTo("source_url")).body("status", equalTo(400))
                    .body("detail", not(emptyOrNullString()));
        }
        for (String publisher : new String[] {null, "   ", "x".repeat(201)}) {
            upload(volunteerToken, "mou.pdf", pdf, SOURCE, publisher).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("parameter", equalTo("publisher")).body("detail", containsString("publish"));
        }
        // A bad file beside a good source is refused like any upload's.
        upload(volunteerToken, "page.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                SOURCE, PUBLISHER).then().statusCode(422).contentType("application/problem+json")
                .body("errors.'page.pdf'", containsString("HTML"));
        given().header("Authorization", "Bearer " + volunteerToken).multiPart("source_url", SOURCE)
                .multiPart("publisher", PUBLISHER).when().post(apiPath(agencyId)).then().statusCode(422)
                .body("errors.file", containsString("Choose"));
        upload(volunteerToken, "mou.pdf", pdf, SOURCE, PUBLISHER, apiPath(999_999_999L)).then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(0, Document.count("uploadedBy.id", volunteer.id), "nothing was stored");
    }

    @Test
    void shouldShowTheFormAgainWithEachMessageAndWhatWasTyped() throws IOException {
        fixtures.browser(volunteer).when().get("/agencies/" + agencyId + "/documents/new").then().statusCode(200)
                .body(containsString("enctype=\"multipart/form-data\""), containsString("name=\"csrf-token\""),
                        containsString("Aurora Police Department"));

        String page = form(fixtures.browser(volunteer), "minutes.pdf", "javascript:alert(1)", "The Gazette")
                .then().statusCode(422).contentType(startsWith("text/html")).extract().asString();
        assertContains(page, "value=\"javascript:alert(1)\"", "the typed address is kept");
        assertContains(page, "value=\"The Gazette\"", "the typed publisher is kept");
        assertContains(page, "http:// or https://", "the address's message");
        assertContains(page, "Choose the file again", "the file must be chosen again, and the page says so");
        assertContains(page, "Nothing was uploaded", "the summary");

        page = form(fixtures.browser(volunteer), "minutes.pdf", "https://gazette.example/mou", " ")
                .then().statusCode(422).extract().asString();
        assertContains(page, "value=\"https://gazette.example/mou\"", "the typed address is kept");
        assertContains(page, "Say who published the document", "the publisher's message");
        assertEquals(0, Document.count("uploadedBy.id", volunteer.id), "nothing was stored");
    }

    @Test
    void shouldOpenTheNewDocumentsPageAfterAFormUpload() throws IOException {
        String location = form(fixtures.browser(volunteer), "gazette-mou.pdf", "https://gazette.example/ring-mou",
                "The Gazette").then().statusCode(303).header("Location", matchesPattern(".*/documents/\\d+"))
                .extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Document document = Document.findById(id);
        assertEquals(volunteer.id, document.uploadedBy.id);
        assertEquals(agencyId, document.agency.id);
        assertEquals("The Gazette", document.sourcePublisher);
        fixtures.browser(volunteer).when().get("/documents/" + id).then().statusCode(200)
                .body(containsString("gazette-mou.pdf"), containsString("Obtained from The Gazette"),
                        containsString("href=\"https://gazette.example/ring-mou\" rel=\"noopener nofollow\""));
        given().when().get("/documents/" + id).then().statusCode(404);
    }

    @Test
    void shouldRefuseUploadsFromAnyoneNotSignedIn() throws IOException {
        String name = "anonymous-" + UUID.randomUUID().toString().substring(0, 8) + ".pdf";
        form(Fixtures.anonymousBrowser(), name, SOURCE, PUBLISHER).then().statusCode(303)
                .header("Location", containsString("/login"));
        given().redirects().follow(false).when().get("/agencies/" + agencyId + "/documents/new").then()
                .statusCode(303).header("Location", containsString("/login"));
        given().multiPart("file", name, TestFiles.textPdf("Anonymous upload of a memorandum"), "application/pdf")
                .multiPart("source_url", SOURCE).multiPart("publisher", PUBLISHER)
                .when().post(apiPath(agencyId)).then().statusCode(401);
        assertEquals(0, Document.count("originalName", name));
    }

    @Test
    void shouldLinkTheFormFromTheAgencyPageForSignedInPeopleOnly() {
        String link = "href=\"/agencies/" + agencyId + "/documents/new\"";
        fixtures.browser(volunteer).when().get("/agencies/il/aurora-police-department").then().statusCode(200)
                .body(containsString(link), containsString("Upload a document obtained elsewhere"));
        given().when().get("/agencies/il/aurora-police-department").then().statusCode(200)
                .body(not(containsString(link)));
    }

    @Test
    void shouldGiveAnOutsideEmailsAttachmentsItsAgencyAndSource() throws IOException {
        String boundary = "b0undary";
        String pdf = java.util.Base64.getMimeEncoder().encodeToString(
                TestFiles.textPdf("The memorandum attached to the clerk's published e-mail"));
        String mail = "From: clerk@portvarlow.example\r\nTo: press@gazette.example\r\nSubject: Ring MOU\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=" + boundary + "\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nThe MOU you asked for is attached.\r\n"
                + "--" + boundary + "\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment;"
                + " filename=\"mou.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + pdf + "\r\n"
                + "--" + boundary + "--\r\n";
        long email = upload(volunteerToken, "clerk.eml", mail.getBytes(StandardCharsets.UTF_8), SOURCE, PUBLISHER)
                .then().statusCode(201).extract().jsonPath().getLong("[0].id");
        DocumentFixtures.awaitProcessed(volunteerToken, email).body("status", equalTo("ready"));
        Document attachment = Document.find("parentId", email).firstResult();
        assertNotNull(attachment, "the PDF attachment became a document");
        assertNull(attachment.request);
        assertEquals(agencyId, attachment.agency.id);
        assertEquals(SOURCE, attachment.sourceUrl);
        assertEquals(PUBLISHER, attachment.sourcePublisher);
        Fixtures.api(volunteerToken).when().get("/api/v1/documents/" + attachment.id).then().statusCode(200);
        given().when().get("/api/v1/documents/" + attachment.id).then().statusCode(404);
    }

    @Test
    void shouldNameTheRequestsAgencyOnADocumentUploadedToARequest() throws IOException {
        DocumentFixtures.Scene scene = DocumentFixtures.scene(fixtures);
        DocumentFixtures.upload(scene.ownerToken(), scene.request().id, scene.eventId(), "reply.pdf",
                TestFiles.textPdf("The agency's reply about the Ring portal"), "application/pdf", 201).then()
                .body("[0].request", equalTo(scene.request().id.intValue()))
                .body("[0].agency", equalTo((int) agencyId)).body("[0].source_url", nullValue())
                .body("[0].publisher", nullValue());
    }

    private void searchFinds(String word, long id, boolean found) {
        var api = given().queryParam("q", word).when().get("/api/v1/search").then().statusCode(200);
        api.body("items.document", found ? hasItem((int) id) : not(hasItem((int) id)));
        String page = given().queryParam("q", word).when().get("/search").then().statusCode(200).extract().asString();
        assertEquals(found, page.contains("/documents/" + id + "#page-1"), "the search page lists it: " + found);
    }

    private Response upload(String token, String name, byte[] bytes, String sourceUrl, String publisher) {
        return upload(token, name, bytes, sourceUrl, publisher, apiPath(agencyId));
    }

    /** Through the API; a null source or publisher is a part left out. */
    private static Response upload(String token, String name, byte[] bytes, String sourceUrl, String publisher,
            String path) {
        RequestSpecification request = given().header("Authorization", "Bearer " + token)
                .multiPart("file", name, bytes, "application/pdf");
        if (sourceUrl != null) {
            request.multiPart("source_url", sourceUrl);
        }
        if (publisher != null) {
            request.multiPart("publisher", publisher);
        }
        return request.when().post(path);
    }

    private Response form(RequestSpecification browser, String name, String sourceUrl, String publisher)
            throws IOException {
        return browser.multiPart("file", name, TestFiles.textPdf("A council's published copy of the memorandum"),
                        "application/pdf")
                .multiPart("source_url", sourceUrl).multiPart("publisher", publisher)
                .when().post("/agencies/" + agencyId + "/documents");
    }

    private static String apiPath(long agencyId) {
        return "/api/v1/agencies/" + agencyId + "/documents";
    }

    private static void assertContains(String page, String text, String what) {
        org.junit.jupiter.api.Assertions.assertTrue(page.contains(text), what + ": expected " + text);
    }
}
