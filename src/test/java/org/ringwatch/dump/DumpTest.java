package org.ringwatch.dump;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.document.DocumentFixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.request.RecordsRequest;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full dumps: the package validates against the Data Package profiles, every row matches its
 * declared types and keys, and nothing private is inside. Each test dumps a day of its own (the
 * maker makes one per day), near the pinned today so the embargoes below still hold.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DumpTest {

    @Inject
    DumpMaker maker;

    @Inject
    Fixtures fixtures;

    @Inject
    AgreementFixtures agreements;

    @Test
    void shouldDumpEveryPublicRowValidlyAndNothingPrivate() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        AgreementFixtures.Scene scene = agreements.scene("Dumpford");
        RecordsRequest publicRequest = scene.request();

        // Public: an MOU, published, and a published agreement citing it.
        long mou = scene.uploadPublished("mou.pdf", Papers.textPdf(Papers.mou(scene.town())));
        Map<String, Object> published = new HashMap<>(AgreementFixtures.mouBody(mou));
        published.put("title", "PUBLISHED-AGREEMENT-" + marker);
        long agreement = Fixtures.api(scene.authorToken()).body(published).when().post("/api/v1/agreements")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + agreement + "/publish").then()
                .statusCode(200);

        // A published document with a withheld page: public through its copy, the page's text never.
        long withheld = scene.upload("letter.pdf", Papers.textPdf(List.of(List.of("RELEASED-PAGE-" + marker),
                List.of("WITHHELD-PAGE-" + marker))));
        Fixtures.api(scene.moderatorToken()).body("{\"reason\": \"a resident's name\"}").when()
                .post("/api/v1/documents/" + withheld + "/pages/2/withhold").then().statusCode(200);
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + withheld + "/publish").then()
                .statusCode(200);
        DocumentFixtures.awaitPublic(withheld);

        // Private: an unpublished document, a draft agreement, a draft and an embargoed request.
        long unpublished = scene.upload("private.pdf", Papers.textPdf(List.of(List.of("UNPUBLISHED-" + marker))));
        Map<String, Object> draft = new HashMap<>(AgreementFixtures.mouBody(mou));
        draft.put("title", "DRAFT-AGREEMENT-" + marker);
        Fixtures.api(scene.authorToken()).body(draft).when().post("/api/v1/agreements").then().statusCode(201);
        RecordsRequest draftRequest = fixtures.draft(scene.author(), scene.agency().stateCode, scene.agency().slug);
        RecordsRequest embargoed = fixtures.filed(scene.author(), scene.agency().stateCode, scene.agency().slug,
                LocalDate.of(2027, 5, 10));
        fixtures.embargo(scene.author(), embargoed, LocalDate.of(2028, 1, 1));

        LocalDate day = LocalDate.of(2027, 6, 2);
        DumpMaker.Made made = maker.make(day);
        assertTrue(made.created());
        DumpZip dump = new DumpZip(download("/api/v1/dumps/" + day, made.dump().sha256));
        DumpZip pages = new DumpZip(download("/api/v1/dumps/" + day + "/pages", made.dump().pagesSha256));

        for (DumpZip zip : List.of(dump, pages)) {
            assertEquals(List.of(), zip.profileErrors("data-package"));
            assertEquals(List.of(), zip.profileErrors("tabular-data-package"));
            zip.checkRowsAgainstSchemas();
        }
        assertTrue(dump.descriptor.toString().contains("Atlas of Surveillance"), "the Atlas keeps its credit");

        String everything = dump.everything() + pages.everything();
        for (String secret : List.of("PRIVATE-NOTE-" + publicRequest.id, "PRIVATE-ENTRY-" + publicRequest.id,
                "PRIVATE-ENTRY-" + embargoed.id, draftRequest.title, embargoed.title, "UNPUBLISHED-" + marker,
                "WITHHELD-PAGE-" + marker, "DRAFT-AGREEMENT-" + marker, scene.author().email,
                scene.moderator().email, scene.authorToken(), scene.moderatorToken(), "password")) {
            assertFalse(everything.contains(secret), "the dump holds " + secret);
        }
        assertEquals(Set.of(), ids(dump, "requests").stream()
                .filter(id -> id.equals(draftRequest.id.toString()) || id.equals(embargoed.id.toString()))
                .collect(Collectors.toSet()));
        assertFalse(ids(dump, "documents").contains(String.valueOf(unpublished)));

        assertTrue(ids(dump, "requests").contains(publicRequest.id.toString()));
        assertTrue(ids(dump, "documents").containsAll(List.of(String.valueOf(mou), String.valueOf(withheld))));
        assertTrue(ids(dump, "agreements").contains(String.valueOf(agreement)));
        assertTrue(everything.contains("PUBLISHED-AGREEMENT-" + marker));
        assertTrue(everything.contains(Papers.MOU_CONFIDENTIALITY), "a public page's text and quote are in");
        assertTrue(everything.contains("RELEASED-PAGE-" + marker), "the released page of a partly withheld file");
        // The published file is the copy without the withheld page, with that copy's hash.
        String withheldSha = given().when().get("/api/v1/documents/" + withheld).jsonPath().getString("sha256");
        assertTrue(dump.rows("documents").stream().anyMatch(r -> r.get("id").equals(String.valueOf(withheld))
                && r.get("sha256").equals(withheldSha)));
        // Every page text belongs to a document of the same day's dump.
        assertTrue(ids(dump, "documents").containsAll(pages.rows("document_pages").stream()
                .map(r -> r.get("document_id")).collect(Collectors.toSet())));
        assertEquals(made.dump().rowCounts.get("requests"), (long) dump.rows("requests").size());
    }

    @Test
    void shouldServeDumpsAtStableAddressesWithTheirChecksums() throws Exception {
        LocalDate day = LocalDate.of(2027, 6, 3);
        Dump dump = maker.make(day).dump();

        given().when().get("/api/v1/dumps").then().statusCode(200)
                .body("items.find { it.date == '" + day + "' }.sha256", equalTo(dump.sha256))
                .body("items.find { it.date == '" + day + "' }.file", equalTo("/api/v1/dumps/" + day))
                .body("next", equalTo(null));
        given().redirects().follow(false).when().get("/api/v1/dumps/latest").then().statusCode(302)
                .header("Location", containsString("/api/v1/dumps/"));
        Response zip = given().when().get("/api/v1/dumps/" + day);
        zip.then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", containsString("ringwatch-" + day + ".zip"))
                .header("X-Checksum-SHA256", equalTo(sha256(zip.asByteArray())))
                .header("Repr-Digest", containsString("sha-256=:"));

        given().when().get("/api/v1/dumps/yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("date"));
        given().when().get("/api/v1/dumps/1999-01-01").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/dumps/1999-01-01/pages").then().statusCode(404);
        given().when().get("/api/v1/dumps?sort=date").then().statusCode(400);
    }

    @Test
    void shouldLetOnlyAdminsMakeTodaysDump() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        Account moderator = fixtures.account(Role.MODERATOR);
        Account admin = fixtures.account(Role.ADMIN);
        given().when().post("/api/v1/dumps").then().statusCode(401).contentType("application/problem+json");
        Fixtures.api(fixtures.token(volunteer)).when().post("/api/v1/dumps").then().statusCode(403);
        Fixtures.api(fixtures.token(moderator)).when().post("/api/v1/dumps").then().statusCode(403);
        int first = Fixtures.api(fixtures.token(admin)).when().post("/api/v1/dumps").then()
                .body("date", equalTo("2027-06-01")).extract().statusCode();
        assertTrue(first == 201 || first == 200, "made, or made already by another test's button: " + first);
        Fixtures.api(fixtures.token(admin)).when().post("/api/v1/dumps").then().statusCode(200)
                .body("date", equalTo("2027-06-01"));

        // The button: a form with the CSRF token; without it, refused. Only admins may press it.
        fixtures.browser(moderator).when().get("/moderation/dumps").then().statusCode(200)
                .body(containsString("2027-06-01"));
        fixtures.browser(moderator).when().post("/moderation/dumps").then().statusCode(403);
        fixtures.browser(admin).when().get("/moderation/dumps").then().statusCode(200)
                .body(containsString("Make today's dump now")).body(containsString("csrf-token"));
        fixtures.browser(admin).when().post("/moderation/dumps").then().statusCode(303)
                .header("Location", containsString("/moderation/dumps"));
        given().redirects().follow(false).cookie(org.ringwatch.account.SessionCookies.NAME, fixtures.session(admin))
                .contentType("application/x-www-form-urlencoded").when().post("/moderation/dumps").then()
                .statusCode(org.hamcrest.Matchers.oneOf(400, 403));
    }

    @Test
    void shouldMakeOneDumpWhenTwoAskForTheSameDayAtOnce() throws Exception {
        LocalDate day = LocalDate.of(2027, 6, 4);
        List<DumpMaker.Made> made = Fixtures.atOnce(2, i -> maker.make(day));
        assertEquals(1, made.stream().filter(DumpMaker.Made::created).count());
        assertEquals(made.get(0).dump().sha256, made.get(1).dump().sha256);
        given().when().get("/api/v1/dumps").then()
                .body("items.findAll { it.date == '" + day + "' }.size()", equalTo(1));
    }

    private static List<String> ids(DumpZip dump, String table) throws Exception {
        return dump.rows(table).stream().map(r -> r.get("id")).toList();
    }

    private static byte[] download(String path, String sha256) throws Exception {
        byte[] bytes = given().when().get(path).then().statusCode(200).header("X-Checksum-SHA256", equalTo(sha256))
                .extract().asByteArray();
        assertEquals(sha256, sha256(bytes));
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
