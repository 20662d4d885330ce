package org.ringwatch.review;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.agreement.Papers;
import org.ringwatch.document.DocumentFixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * Readable moderation: personal-data flags as items a moderator resolves (withhold the page, or
 * "not personal" with a note) before Publish is possible, in the page and the API alike; the
 * review queue of documents and agreements, oldest first; the audit log with names and
 * before → after.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ReviewTest {

    static final String EMAIL = "jroe@thornwick-pd.example";
    static final String PHONE = "503-555-0142";

    @Inject
    AgreementFixtures agreements;

    @Inject
    Fixtures fixtures;

    /** Page 1 names an officer's work address, page 2 a resident's phone number. */
    static byte[] flaggedLetter() throws IOException {
        return Papers.textPdf(List.of(
                List.of("Records response", "Questions to Officer Jane Roe at " + EMAIL + "."),
                List.of("The caller left the number " + PHONE + " for a call back.")));
    }

    @Test
    void shouldKeepPublishShutUntilEveryPersonalDataItemIsResolved() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Thornwick");
        long id = scene.upload("response.pdf", flaggedLetter());
        String page = fixtures.browser(scene.moderator()).when().get("/documents/" + id).then().statusCode(200)
                .extract().asString();
        assertThat(page, allOf(containsString("E-mail address on page 1: " + EMAIL),
                containsString("Phone number on page 2: " + PHONE),
                matchesPattern("(?s).*<button type=\"submit\" disabled aria-describedby=\"publish-blocked\">Publish"
                        + "</button>.*"),
                containsString("Publish is enabled once the 2 items above are resolved.")));
        assertThat("the raw JSON of the flags is gone", page, not(containsString("[&quot;email:")));

        // Publishing anyway (an old tab, a script) is refused, and nothing changes.
        String refused = fixtures.browser(scene.moderator()).when().post("/documents/" + id + "/publish").then()
                .statusCode(409).extract().asString();
        assertThat(refused, containsString("2 personal-data items are still to resolve"));
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + id + "/publish").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", allOf(containsString("E-mail address on page 1: " + EMAIL),
                        containsString("Phone number on page 2: " + PHONE)));
        given().when().get("/documents/" + id).then().statusCode(404);

        // A note is required; the refusal keeps what was typed for the other items and says why.
        String blank = fixtures.browser(scene.moderator()).formParam("flag", "email:" + EMAIL).formParam("note", "  ")
                .when().post("/documents/" + id + "/pages/1/personal-data").then().statusCode(422).extract().asString();
        assertThat(blank, allOf(containsString("Say why this is not personal data"), containsString("aria-invalid")));

        fixtures.browser(scene.moderator()).formParam("flag", "email:" + EMAIL)
                .formParam("note", "an officer's work address").when()
                .post("/documents/" + id + "/pages/1/personal-data").then().statusCode(303);
        fixtures.browser(scene.moderator()).formParam("reason", "a resident's phone number").when()
                .post("/documents/" + id + "/pages/2/withhold").then().statusCode(303);

        String resolved = fixtures.browser(scene.moderator()).when().get("/documents/" + id).then().statusCode(200)
                .extract().asString();
        assertThat(resolved, allOf(
                containsString("Resolved: not personal: an officer&#39;s work address (Test moderator)."),
                containsString("Resolved: page 2 is withheld."),
                containsString("<button type=\"submit\">Publish</button>"),
                not(containsString("publish-blocked"))));

        fixtures.browser(scene.moderator()).when().post("/documents/" + id + "/publish").then().statusCode(303);
        DocumentFixtures.awaitPublic(id);
        String audit = fixtures.browser(scene.moderator()).when().get("/moderation/audit").then().statusCode(200)
                .extract().asString();
        assertThat(audit, allOf(containsString("clear personal data <a href=\"/documents/" + id + "\">document " + id),
                containsString("<ins><span class=\"visually-hidden\">now </span>an officer&#39;s work address</ins>"),
                containsString("<del><span class=\"visually-hidden\">was </span>private</del> → <ins>"
                        + "<span class=\"visually-hidden\">now </span>published</ins>")));
    }

    @Test
    void shouldLetOnlyModeratorsClearAnItemAndTakeAClearanceBack() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Quillby");
        long id = scene.upload("response.pdf", flaggedLetter());

        // The uploader reviews the items but may not clear them; the public does not see them at all.
        Fixtures.api(scene.authorToken()).when().get("/api/v1/documents/" + id + "/personal-data").then()
                .statusCode(200).body("text", hasItems("E-mail address on page 1: " + EMAIL,
                        "Phone number on page 2: " + PHONE)).body("resolved", hasItems(false));
        Fixtures.api(scene.otherToken()).when().get("/api/v1/documents/" + id + "/personal-data").then()
                .statusCode(404);
        fixtures.browser(scene.author()).formParam("flag", "email:" + EMAIL).formParam("note", "work address")
                .when().post("/documents/" + id + "/pages/1/personal-data").then().statusCode(403);
        Fixtures.api(scene.authorToken()).body(Map.of("flag", "email:" + EMAIL, "note", "work address")).when()
                .post("/api/v1/documents/" + id + "/pages/1/personal-data/clear").then().statusCode(403);
        Fixtures.anonymousBrowser().formParam("flag", "email:" + EMAIL).formParam("note", "work address")
                .when().post("/documents/" + id + "/pages/1/personal-data").then().statusCode(303)
                .header("Location", containsString("/login?next="));

        // An item that is not on the page is refused, not invented.
        Fixtures.api(scene.moderatorToken()).body(Map.of("flag", "email:" + EMAIL, "note", "work address")).when()
                .post("/api/v1/documents/" + id + "/pages/2/personal-data/clear").then().statusCode(404)
                .contentType("application/problem+json");
        Fixtures.api(scene.moderatorToken()).body(Map.of("flag", "phone:" + PHONE)).when()
                .post("/api/v1/documents/" + id + "/pages/2/personal-data/clear").then().statusCode(422)
                .body("errors.note", containsString("Say why"));

        Fixtures.api(scene.moderatorToken()).body(Map.of("flag", "email:" + EMAIL, "note", "work address")).when()
                .post("/api/v1/documents/" + id + "/pages/1/personal-data/clear").then().statusCode(200);
        Fixtures.api(scene.moderatorToken()).body(Map.of("flag", "phone:" + PHONE, "note", "the front desk")).when()
                .post("/api/v1/documents/" + id + "/pages/2/personal-data/clear").then().statusCode(200)
                .body("resolved", not(hasItems(false)));
        // Taken back: the phone number is to resolve again, and Publish is shut again.
        Fixtures.api(scene.moderatorToken()).body(Map.of("flag", "phone:" + PHONE)).when()
                .post("/api/v1/documents/" + id + "/pages/2/personal-data/reopen").then().statusCode(200)
                .body("find { it.kind == 'phone' }.resolved", equalTo(false));
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + id + "/publish").then()
                .statusCode(409).body("detail", allOf(containsString("1 personal-data item is still to resolve"),
                        containsString(PHONE), not(containsString(EMAIL))));
    }

    @Test
    void shouldQueueWaitingDocumentsAndAgreementsOldestFirst() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Wexmoor");
        long flagged = scene.upload("response.pdf", flaggedLetter());
        long mou = scene.uploadMou();
        long agreement = Fixtures.api(scene.authorToken()).body(AgreementFixtures.mouBody(mou)).when()
                .post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
        long published = scene.uploadPublished("published.pdf", Papers.textPdf(List.of(List.of("Nothing personal."))));

        // One agency's queue: the whole one holds what every other test left waiting, oldest first.
        String queue = fixtures.browser(scene.moderator()).queryParam("agency", scene.agency().stateCode + "/"
                + scene.agency().slug).when().get("/moderation/review").then().statusCode(200).extract().asString();
        int first = queue.indexOf("href=\"/documents/" + flagged + "\"");
        int second = queue.indexOf("href=\"/documents/" + mou + "\"");
        int third = queue.indexOf("href=\"/agreements/" + agreement + "\"");
        assertThat("the flagged document is queued", first, greaterThan(0));
        assertThat("oldest first", first, lessThan(second));
        assertThat("the draft agreement comes after the documents uploaded before it", second, lessThan(third));
        assertThat(queue, not(containsString("href=\"/documents/" + published + "\"")));
        String flaggedRow = queue.substring(first, queue.indexOf("</tr>", first));
        assertThat(flaggedRow, containsString("2 personal-data items to resolve"));
        assertThat(flaggedRow.replaceAll("<[^>]+>", ""), containsString(scene.agency().name));

        fixtures.browser(scene.author()).when().get("/moderation/review").then().statusCode(403);
        fixtures.browser(scene.moderator()).queryParam("agency", "OR/no-such-agency").when().get("/moderation/review")
                .then().statusCode(404);
        fixtures.browser(scene.moderator()).queryParam("after", "not-a-cursor").when().get("/moderation/review")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("<main"));
        given().redirects().follow(false).when().get("/moderation/review").then().statusCode(303)
                .header("Location", containsString("/login?next="));
    }
}
