package org.ringwatch.agreement;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.document.DocumentFixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The agreement pages through real HTTP, with real sign-in cookies and CSRF tokens: recording an
 * agreement from an uploaded MOU through its form, what a wrong field answers, publishing, who
 * sees a draft, editing before and after publishing, a page withheld later, and the agency page.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AgreementPagesTest {

    @Inject
    AgreementFixtures agreements;

    @Inject
    Fixtures fixtures;

    @Test
    void shouldOfferTheFormFromADocumentWithEveryClauseAndItsPages() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Port Varlow");
        long mou = scene.uploadMou();

        String form = fixtures.browser(scene.author()).when().get("/documents/" + mou + "/agreements/new")
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(form, allOf(containsString("<h1>Record an agreement</h1>"),
                containsString("name=\"evidence\" type=\"text\" value=\"" + mou + "\""),
                containsString("action=\"/agreements\""), containsString("name=\"csrf-token\""),
                containsString("name=\"dates.signed.date\""), containsString("name=\"signatories.2.party\""),
                containsString("data-page=\"1\""), containsString("data-page=\"2\""),
                containsString(Papers.MOU_CONFIDENTIALITY), containsString("/js/quote-picker.js")));
        for (ClauseTopic topic : ClauseTopic.values()) {
            assertThat(form, allOf(containsString("data-clause=\"" + topic.code() + "\""),
                    containsString("name=\"clauses." + topic.code() + ".quote\""),
                    containsString("name=\"clauses." + topic.code() + ".checked_by_eye\"")));
            topic.figures().forEach(figure -> assertThat(form,
                    containsString("name=\"clauses." + topic.code() + ".figures." + figure.code() + "\"")));
        }
        // The draft document is its uploader's and the moderators': nobody else gets its form.
        fixtures.browser(scene.other()).when().get("/documents/" + mou + "/agreements/new").then().statusCode(404);
        int anonymous = given().redirects().follow(false).when().get("/documents/" + mou + "/agreements/new")
                .statusCode();
        assertThat("anonymous: " + anonymous, anonymous == 401 || anonymous == 302 || anonymous == 303);
        // The document page offers the form to whoever signed in sees it.
        fixtures.browser(scene.author()).when().get("/documents/" + mou).then().statusCode(200)
                .body(containsString("href=\"/documents/" + mou + "/agreements/new\""));
    }

    @Test
    void shouldRecordAnAgreementWithThreeQuotedClausesThroughTheForm() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Elmsbury");
        long mou = scene.uploadMou();

        long id = create(scene.author(), mouForm(mou));

        String page = fixtures.browser(scene.author()).when().get("/agreements/" + id).then().statusCode(200)
                .header("Cache-Control", "private, no-store").extract().asString();
        assertThat(page, allOf(containsString("<h1>Memorandum of Understanding</h1>"), containsString("Draft."),
                containsString(scene.agency().name), containsString("Memorandum of understanding"),
                containsString("Ring LLC"), containsString("“Neighbors Portal”"),
                containsString("13 December 2018"), containsString("Dana Whitlock, Chief of Police · for the Department"),
                containsString("Signed with DocuSign"), containsString("vote 4\u20131"),
                containsString(Papers.MOU_CONFIDENTIALITY), containsString(Papers.MOU_PROMOTION),
                containsString(Papers.MOU_DEVICES), containsString("Devices: 15"),
                containsString("href=\"/documents/" + mou + "#page-2\">p. 2</a>"),
                containsString("href=\"/documents/" + mou + "#page-1\">p. 1</a>"),
                containsString("href=\"/api/v1/documents/" + mou + "/file#page=2\""),
                containsString("href=\"/api/v1/agreements/" + id + "\""),
                containsString("href=\"/documents/" + mou + "\""),
                containsString("href=\"/agreements/" + id + "/edit\""), containsString("Recorded")));
        // A moderator may publish it; the author may not.
        assertThat(page, not(containsString("action=\"/agreements/" + id + "/publish\"")));
        fixtures.browser(scene.moderator()).when().get("/agreements/" + id).then().statusCode(200)
                .body(containsString("action=\"/agreements/" + id + "/publish\""));
    }

    @Test
    void shouldRefuseAQuoteThatIsNotOnItsPageAndKeepEverythingTyped() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Lake Ondessa");
        long mou = scene.uploadMou();
        Map<String, String> form = mouForm(mou);
        // Page 2's sentence cited as page 1.
        form.put("clauses.confidentiality.page", "1");
        // A long quote that is on no page: it comes back whole, with its own message.
        form.put("clauses.non_binding.state", "present");
        form.put("clauses.non_binding.quote", "A non-binding program between the parties, as typed. ".repeat(60));
        form.put("clauses.non_binding.page", "1");

        String page = fixtures.browser(scene.author()).formParams(form).when().post("/agreements")
                .then().statusCode(400).contentType("text/html").extract().asString();

        assertThat(page, allOf(containsString("id=\"clauses.confidentiality.quote-error\""),
                containsString("This quote is not on page 1 of document #" + mou),
                containsString("id=\"clauses.non_binding.quote-error\"")));
        assertKept(page, form);
    }

    @Test
    void shouldExplainAMissingTitleABadDateAndAPageOutOfRange() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Port Varlow");
        long mou = scene.uploadMou();
        Map<String, String> form = mouForm(mou);
        form.put("title", " ");
        form.put("dates.signed.date", "2018-13-45");
        form.put("clauses.free_devices.page", "9");

        String page = fixtures.browser(scene.author()).formParams(form).when().post("/agreements")
                .then().statusCode(400).extract().asString();

        assertThat(page, allOf(containsString("id=\"title-error\""), containsString("Give the title the paper has"),
                containsString("id=\"dates.signed.date-error\""),
                containsString("Give the date as it is known: 2018-12-13, 2018-12 or 2018."),
                containsString("id=\"clauses.free_devices.page-error\""),
                containsString("Give a page of document #" + mou + ", from 1 to 2.")));
        form.remove("title");
        assertKept(page, form);
    }

    @Test
    void shouldPublishOnlyOnceItsDocumentIsPublicAndThenShowItToAnyone() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Elmsbury");
        long mou = scene.uploadMou();
        long id = create(scene.author(), mouForm(mou));

        fixtures.browser(scene.moderator()).when().post("/agreements/" + id + "/publish").then().statusCode(409)
                .body(containsString("Document #" + mou + " (mou.pdf) is not published yet"));
        fixtures.browser(scene.author()).when().post("/agreements/" + id + "/publish").then().statusCode(403);
        given().when().get("/agreements/" + id).then().statusCode(404);

        publish(scene, mou, id);

        String page = given().when().get("/agreements/" + id).then().statusCode(200).extract().asString();
        assertThat(page, allOf(containsString("href=\"/documents/" + mou + "#page-2\">p. 2</a>"),
                containsString(Papers.MOU_CONFIDENTIALITY), not(containsString("Draft.")),
                not(containsString("/publish")), not(containsString("/edit"))));
        // Anyone may follow the link to the page it cites.
        given().when().get("/documents/" + mou).then().statusCode(200).body(containsString("id=\"page-2\""));
        // Now a moderator may make it its kind's template.
        fixtures.browser(scene.moderator()).when().get("/agreements/" + id).then().statusCode(200)
                .body(containsString("Make this the template for Memorandum of understanding"));
        fixtures.browser(scene.moderator()).when().post("/agreements/" + id + "/template").then().statusCode(303);
        given().when().get("/agreements/" + id).then().statusCode(200)
                .body(containsString("the template its kind is compared with"));
    }

    @Test
    void shouldShowADraftOnlyToItsAuthorAndModerators() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Lake Ondessa");
        long mou = scene.uploadMou();
        long id = create(scene.author(), mouForm(mou));

        given().when().get("/agreements/" + id).then().statusCode(404);
        fixtures.browser(scene.other()).when().get("/agreements/" + id).then().statusCode(404);
        fixtures.browser(scene.other()).when().get("/agreements/" + id + "/edit").then().statusCode(404);
        fixtures.browser(scene.author()).when().get("/agreements/" + id).then().statusCode(200);
        fixtures.browser(scene.moderator()).when().get("/agreements/" + id).then().statusCode(200)
                .header("Cache-Control", "private, no-store");
        given().when().get("/agreements/999999999").then().statusCode(404);
        // Lists hold it for them alone too.
        given().when().get("/agreements").then().statusCode(200).body(not(containsString("/agreements/" + id + "\"")));
        fixtures.browser(scene.author()).when().get("/agreements").then().statusCode(200)
                .body(containsString("href=\"/agreements/" + id + "\""));
    }

    @Test
    void shouldLetTheAuthorEditADraftAndOnlyModeratorsOncePublished() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Port Varlow");
        long mou = scene.uploadMou();
        Map<String, String> form = mouForm(mou);
        long id = create(scene.author(), form);

        String edit = fixtures.browser(scene.author()).when().get("/agreements/" + id + "/edit").then()
                .statusCode(200).extract().asString();
        assertThat(edit, allOf(containsString("action=\"/agreements/" + id + "\""),
                containsString("<h1>Change the agreement</h1>")));
        assertKept(edit, form);

        form.put("title", "Memorandum of Understanding (as signed)");
        fixtures.browser(scene.author()).formParams(form).when().post("/agreements/" + id).then().statusCode(303)
                .header("Location", matchesPattern(".*/agreements/" + id));
        publish(scene, mou, id);

        fixtures.browser(scene.author()).when().get("/agreements/" + id + "/edit").then().statusCode(403);
        fixtures.browser(scene.author()).formParams(form).when().post("/agreements/" + id).then().statusCode(403);
        form.put("title", "Memorandum of Understanding, corrected");
        fixtures.browser(scene.moderator()).formParams(form).when().post("/agreements/" + id).then().statusCode(303);

        String page = given().when().get("/agreements/" + id).then().statusCode(200).extract().asString();
        assertThat(page, allOf(containsString("<h1>Memorandum of Understanding, corrected</h1>"),
                containsString("Updated on"), containsString("Changed: title"), containsString("Published")));
    }

    @Test
    void shouldKeepAQuoteFromTheAnonymousOnceItsPageIsWithheld() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Elmsbury");
        long mou = scene.uploadMou();
        long id = create(scene.author(), mouForm(mou));
        publish(scene, mou, id);

        fixtures.browser(scene.moderator()).formParam("reason", "A resident's phone number")
                .when().post("/documents/" + mou + "/pages/2/withhold").then().statusCode(303);
        DocumentFixtures.awaitPublic(mou);

        String page = given().when().get("/agreements/" + id).then().statusCode(200).extract().asString();
        assertThat(page, allOf(containsString("page 2 is withheld: A resident&#39;s phone number"),
                not(containsString(Papers.MOU_CONFIDENTIALITY)), not(containsString(Papers.MOU_PROMOTION)),
                containsString(Papers.MOU_DEVICES)));
        // Its reviewers still read it, marked.
        fixtures.browser(scene.moderator()).when().get("/agreements/" + id).then().statusCode(200)
                .body(containsString(Papers.MOU_CONFIDENTIALITY), containsString("withheld from the public"));
    }

    @Test
    void shouldShowTheAgreementOnTheAgencyPageOnlyOncePublished() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Lake Ondessa");
        long mou = scene.uploadMou();
        Map<String, String> form = mouForm(mou);
        form.put("title", "Neighbors Portal MOU " + scene.agency().id);
        long id = create(scene.author(), form);

        String before = given().when().get(scene.agencyPath()).then().statusCode(200).extract().asString();
        assertThat(before, allOf(containsString("<strong>Asked</strong>"),
                containsString("href=\"/requests/" + scene.request().id + "\""),
                not(containsString(form.get("title"))), not(containsString("Agreement obtained"))));

        publish(scene, mou, id);

        given().when().get(scene.agencyPath()).then().statusCode(200)
                .body(containsString("<strong>Agreement obtained</strong>"),
                        containsString("<a href=\"/agreements/" + id + "\">" + form.get("title") + "</a>"),
                        containsString("signed <time datetime=\"2018-12-13\">13 December 2018</time>"));
    }

    @Test
    void shouldSayNoAgreementExistsWhenTheRequestFoundNoRecords() {
        AgreementFixtures.Scene scene = agreements.scene("Port Varlow");
        fixtures.log(scene.author(), scene.request(), LocalDate.of(2027, 5, 20), "received", "no_responsive_records",
                false, "After a diligent search, no responsive records.");

        given().when().get(scene.agencyPath()).then().statusCode(200)
                .body(containsString("<strong>No agreement exists</strong>"),
                        containsString("<a href=\"/requests/" + scene.request().id + "\">records request</a>"));
    }

    @Test
    void shouldListAgreementsByClauseStateAndRefuseAnUnknownFilter() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Elmsbury");
        long mou = scene.uploadMou();
        long id = create(scene.author(), mouForm(mou));
        publish(scene, mou, id);
        String link = "href=\"/agreements/" + id + "\"";

        given().when().get("/agreements?clause=confidentiality&clause_state=present").then().statusCode(200)
                .body(containsString(link));
        given().when().get("/agreements?clause=confidentiality&clause_state=struck").then().statusCode(200)
                .body(not(containsString(link)));
        given().when().get("/agreements?state=or&kind=mou").then().statusCode(200).body(containsString(link));
        given().when().get("/agreements?kind=acknowledgement_form").then().statusCode(200)
                .body(not(containsString(link)));
        given().when().get("/agreements?kind=treaty").then().statusCode(400)
                .body(containsString("kind: “treaty” is not one of"));
        given().when().get("/agreements?state=Oregon").then().statusCode(400)
                .body(containsString("two-letter state code"));
    }

    /** The MOU as a volunteer fills the form: three clauses quoted, a date, a signatory, a vote. */
    private static Map<String, String> mouForm(long document) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("evidence", String.valueOf(document));
        form.put("kind", "mou");
        form.put("title", "Memorandum of Understanding");
        form.put("program_names", "Neighbors Portal");
        form.put("counterparties", "ring_llc");
        form.put("execution", "docusign");
        form.put("approval_body", "City Council");
        form.put("votes_for", "4");
        form.put("votes_against", "1");
        form.put("dates.signed.date", "2018-12-13");
        form.put("dates.signed.document", String.valueOf(document));
        form.put("dates.signed.page", "2");
        form.put("signatories.0.name", "Dana Whitlock");
        form.put("signatories.0.title", "Chief of Police");
        form.put("signatories.0.party", "the Department");
        form.put("clauses.confidentiality.state", "present");
        form.put("clauses.confidentiality.quote", Papers.MOU_CONFIDENTIALITY);
        form.put("clauses.confidentiality.document", String.valueOf(document));
        form.put("clauses.confidentiality.page", "2");
        form.put("clauses.agency_promotes_app.state", "present");
        form.put("clauses.agency_promotes_app.quote", Papers.MOU_PROMOTION);
        form.put("clauses.agency_promotes_app.page", "2");
        form.put("clauses.free_devices.state", "present");
        form.put("clauses.free_devices.quote", Papers.MOU_DEVICES);
        form.put("clauses.free_devices.document", String.valueOf(document));
        form.put("clauses.free_devices.page", "1");
        form.put("clauses.free_devices.figures.devices", "15");
        form.put("clauses.term.state", "unknown");
        return form;
    }

    /** Posts the form; the new agreement's id from the 303's Location. */
    private long create(Account author, Map<String, String> form) {
        Response response = fixtures.browser(author).formParams(form).when().post("/agreements");
        assertEquals(303, response.statusCode(), response.asString());
        String location = response.header("Location");
        assertThat(location, matchesPattern(".*/agreements/\\d+"));
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Publishes the document, then the agreement, as the moderator. */
    private void publish(AgreementFixtures.Scene scene, long document, long agreement) {
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + document + "/publish").then()
                .statusCode(200);
        DocumentFixtures.awaitPublic(document);
        fixtures.browser(scene.moderator()).when().post("/agreements/" + agreement + "/publish").then()
                .statusCode(303).header("Location", matchesPattern(".*/agreements/" + agreement));
    }

    /** Every value of the form is on the page again, in its field. */
    private static void assertKept(String page, Map<String, String> form) {
        form.forEach((name, value) -> {
            if (name.equals("counterparties")) {
                assertThat(page, containsString("value=\"" + value + "\" checked"));
            } else if (name.endsWith(".state") || name.equals("kind") || name.equals("execution")) {
                assertThat(name, page, matchesPattern("(?s).*<select id=\"" + java.util.regex.Pattern.quote(name)
                        + "\".*?<option value=\"" + value + "\" selected>.*"));
            } else if (name.endsWith(".quote") || name.equals("program_names")) {
                assertThat(name, page, matchesPattern("(?s).*name=\"" + java.util.regex.Pattern.quote(name)
                        + "\" rows=\"\\d+\"[^>]*>" + java.util.regex.Pattern.quote(value.replace("'", "&#39;"))
                        + "</textarea>.*"));
            } else {
                assertThat(name, page, containsString("name=\"" + name + "\" type=\"" + typeOf(name) + "\" value=\""
                        + value + "\""));
            }
        });
    }

    private static String typeOf(String name) {
        return name.startsWith("votes_") ? "number" : "text";
    }
}
