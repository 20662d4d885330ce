package org.ringwatch.agreement;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.document.DocumentFixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The agreement API: recording from a document, the quote check, publishing only what the
 * public may read, editing, the template mark, the list's filters, and the agency status.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AgreementApiTest {

    @Inject
    AgreementFixtures agreements;

    @Inject
    Fixtures fixtures;

    static Map<String, Object> mou(long document) {
        Map<String, Object> body = new HashMap<>();
        body.put("evidence", List.of(document));
        body.put("kind", "mou");
        body.put("title", "Memorandum of Understanding");
        body.put("program_names", List.of("Neighbors Portal"));
        body.put("counterparties", List.of("ring_llc"));
        body.put("execution", "ink");
        body.put("dates", Map.of("signed", Map.of("date", "2018-12-13", "document", document, "page", 2)));
        body.put("signatories", List.of(Map.of("name", "Dana Whitlock", "title", "Chief of Police",
                "party", "the Department")));
        body.put("clauses", Map.of(
                "confidentiality", clause("present", Papers.MOU_CONFIDENTIALITY, document, 2),
                "agency_promotes_app", clause("present", Papers.MOU_PROMOTION, document, 2),
                "free_devices", Map.of("state", "present", "quote", Papers.MOU_DEVICES, "document", document,
                        "page", 1, "figures", Map.of("devices", 15)),
                "term", Map.of("state", "unknown")));
        return body;
    }

    static Map<String, Object> clause(String state, String quote, long document, int page) {
        return Map.of("state", state, "quote", quote, "document", document, "page", page);
    }

    @Test
    void shouldRecordAnAgreementWithCitedClausesAndKeepTheDraftPrivate() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Port Varlow");
        long document = scene.uploadMou();
        long id = Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(mou(document))
                .when().post("/api/v1/agreements").then().statusCode(201)
                .header("Location", containsString("/api/v1/agreements/"))
                .body("visibility", equalTo("draft"))
                .body("agency", equalTo(scene.agency().stateCode + "/" + scene.agency().slug))
                .body("request", equalTo(scene.request().id.intValue()))
                .body("dates[0].date", equalTo("2018-12-13")).body("dates[0].precision", equalTo("day"))
                .body("clauses.find { it.topic == 'free_devices' }.figures.devices", equalTo(15))
                .body("clauses.find { it.topic == 'confidentiality' }.citation.page", equalTo(2))
                .body("clauses.find { it.topic == 'confidentiality' }.citation.sha256", not(nullValue()))
                .body("clauses.find { it.topic == 'term' }.quote", nullValue())
                .extract().jsonPath().getLong("id");

        given().when().get("/api/v1/agreements/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        Fixtures.api(scene.otherToken()).when().get("/api/v1/agreements/" + id).then().statusCode(404);
        Fixtures.api(scene.moderatorToken()).when().get("/api/v1/agreements/" + id).then().statusCode(200);
        Fixtures.api(scene.otherToken()).when().get("/api/v1/agreements?agency=" + scene.agency().stateCode + "/"
                + scene.agency().slug).then().statusCode(200).body("items.id", not(hasItem((int) id)));
        Fixtures.api(scene.authorToken()).when().get("/api/v1/agreements?agency=" + scene.agency().stateCode + "/"
                + scene.agency().slug).then().statusCode(200).body("items.id", hasItem((int) id));
    }

    @Test
    void shouldRefuseAQuoteThatIsNotOnItsPageAndKeepNothing() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Elmsbury");
        long document = scene.uploadMou();
        Map<String, Object> body = mou(document);
        body.put("clauses", Map.of("confidentiality", clause("present", Papers.MOU_CONFIDENTIALITY, document, 1)));
        Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agreements").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasKey("clauses.confidentiality.quote"))
                .body("errors.'clauses.confidentiality.quote'", containsString("not on page 1"));

        body.put("clauses", Map.of("confidentiality", Map.of("state", "present", "quote",
                Papers.MOU_CONFIDENTIALITY, "document", document, "page", 1, "checked_by_eye", true)));
        Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agreements").then().statusCode(201)
                .body("clauses[0].checked_by_eye", equalTo(true));

        body.put("clauses", Map.of("confidentiality", clause("present", Papers.MOU_CONFIDENTIALITY, document, 9)));
        body.put("dates", Map.of("signed", Map.of("date", "13/12/2018", "document", document, "page", 2)));
        body.put("title", " ");
        Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agreements").then().statusCode(422)
                .body("errors.'clauses.confidentiality.page'", containsString("from 1 to 2"))
                .body("errors.'dates.signed.date'", containsString("2018-12"))
                .body("errors", hasKey("title"));
    }

    @Test
    void shouldMatchAQuoteAcrossLineBreaksCaseAndLigatures() {
        String page = "Unless required by law, the Depart-\nment shall keep the terms of the pro\uFB01le CONFIDENTIAL.";
        org.junit.jupiter.api.Assertions.assertTrue(
                Quotes.isOnPage("the department shall keep the terms of the profile confidential", page));
        org.junit.jupiter.api.Assertions.assertFalse(Quotes.isOnPage("the department shall publish", page));
        org.junit.jupiter.api.Assertions.assertFalse(Quotes.isOnPage("  ", page));
    }

    @Test
    void shouldPublishOnlyWhatThePublicMayReadAndThenShowItToEveryone() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Lake Ondessa");
        long document = scene.uploadMou();
        long id = Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(mou(document))
                .when().post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");

        Fixtures.api(scene.authorToken()).when().post("/api/v1/agreements/" + id + "/publish").then().statusCode(403);
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + id + "/publish").then()
                .statusCode(409).body("detail", containsString("not published"));

        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + document + "/publish").then()
                .statusCode(200);
        DocumentFixtures.awaitPublic(document);
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + id + "/publish").then()
                .statusCode(200).body("visibility", equalTo("published"));
        given().when().get("/api/v1/agreements/" + id).then().statusCode(200)
                .body("clauses.find { it.topic == 'confidentiality' }.quote", equalTo(Papers.MOU_CONFIDENTIALITY));

        // Published: the author may no longer change it, a moderator may, and the change is in its history.
        Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(Map.of("title", "MOU"))
                .when().patch("/api/v1/agreements/" + id).then().statusCode(403);
        Fixtures.api(scene.moderatorToken()).contentType(ContentType.JSON)
                .body(Map.of("title", "Memorandum of Understanding (signed copy)", "clauses", mapWithNull("term")))
                .when().patch("/api/v1/agreements/" + id).then().statusCode(200)
                .body("title", equalTo("Memorandum of Understanding (signed copy)"))
                .body("clauses.topic", not(hasItem("term")))
                .body("clauses.topic", hasItem("confidentiality"));

        // A cited page withheld later: the public sees the citation withheld, not the quote.
        Fixtures.api(scene.moderatorToken()).contentType(ContentType.JSON).body(Map.of("reason", "Officer's phone number"))
                .when().post("/api/v1/documents/" + document + "/pages/2/withhold").then().statusCode(200);
        DocumentFixtures.awaitPublic(document);
        given().when().get("/api/v1/agreements/" + id).then().statusCode(200)
                .body("clauses.find { it.topic == 'confidentiality' }.quote", nullValue())
                .body("clauses.find { it.topic == 'confidentiality' }.citation.withheld", equalTo(true))
                .body("clauses.find { it.topic == 'free_devices' }.quote", equalTo(Papers.MOU_DEVICES));
        Fixtures.api(scene.moderatorToken()).when().get("/api/v1/agreements/" + id).then().statusCode(200)
                .body("clauses.find { it.topic == 'confidentiality' }.quote", equalTo(Papers.MOU_CONFIDENTIALITY));
    }

    private static Map<String, Object> mapWithNull(String key) {
        Map<String, Object> map = new HashMap<>();
        map.put(key, null);
        return map;
    }

    @Test
    void shouldFilterTheListAndRefuseBadFilters() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Corvin Falls");
        long document = scene.uploadPublished("mou.pdf", Papers.textPdf(Papers.mou("Corvin Falls")));
        long id = Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(mou(document))
                .when().post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + id + "/publish").then().statusCode(200);
        String agency = scene.agency().stateCode + "/" + scene.agency().slug;

        given().when().get("/api/v1/agreements?agency=" + agency + "&clause=confidentiality").then()
                .statusCode(200).body("items.id", hasItem((int) id));
        given().when().get("/api/v1/agreements?agency=" + agency + "&clause=confidentiality&clause_state=struck")
                .then().statusCode(200).body("items.id", not(hasItem((int) id)));
        given().when().get("/api/v1/agreements?agency=" + agency + "&kind=mou&signed_from=2018-12-01&signed_to=2018-12-31")
                .then().statusCode(200).body("items.id", hasItem((int) id));
        given().when().get("/api/v1/agreements?agency=" + agency + "&signed_from=2019-01-01").then()
                .statusCode(200).body("items.id", not(hasItem((int) id)));
        given().when().get("/api/v1/agreements?clause=promises").then().statusCode(400)
                .body("parameter", equalTo("clause"));
        given().when().get("/api/v1/agreements?signed_from=yesterday").then().statusCode(400)
                .body("parameter", equalTo("signed_from"));
        given().when().get("/api/v1/agreements?kind=mou&limit=1").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void shouldMakeOnePublishedAgreementItsKindsTemplate() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Harrow Bend");
        long document = scene.uploadPublished("mou.pdf", Papers.textPdf(Papers.mou("Harrow Bend")));
        Map<String, Object> body = mou(document);
        body.put("kind", "data_sharing");
        long first = Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + first + "/template").then()
                .statusCode(409).body("detail", containsString("Publish"));
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + first + "/publish").then().statusCode(200);
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + first + "/template").then()
                .statusCode(200).body("is_template", equalTo(true));
        long second = Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + second + "/publish").then().statusCode(200);
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + second + "/template").then()
                .statusCode(200).body("is_template", equalTo(true));
        given().when().get("/api/v1/agreements/" + first).then().body("is_template", equalTo(false));
    }

    @Test
    void shouldRecordACouncilResolutionFromADocumentObtainedElsewhere() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Saltmere");
        long document = given().header("Authorization", "Bearer " + scene.authorToken())
                .multiPart("file", "resolution.pdf", Papers.textPdf(Papers.councilResolution("Saltmere")),
                        "application/pdf")
                .multiPart("source_url", "https://saltmere.example/council/resolution-2019-42.pdf")
                .multiPart("publisher", "Saltmere city clerk")
                .when().post("/api/v1/agencies/" + scene.agency().id + "/documents").then().statusCode(201)
                .extract().jsonPath().getLong("[0].id");
        DocumentFixtures.awaitProcessed(scene.authorToken(), document);
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/documents/" + document + "/publish").then()
                .statusCode(200);
        DocumentFixtures.awaitPublic(document);
        Map<String, Object> body = new HashMap<>();
        body.put("evidence", List.of(document));
        body.put("kind", "council_resolution");
        body.put("title", "Resolution No. 2019-42");
        body.put("counterparties", List.of("ring_llc"));
        body.put("approval_body", "Saltmere City Council");
        body.put("votes_for", 4);
        body.put("votes_against", 1);
        body.put("dates", Map.of("approved", Map.of("date", "2019-08-13", "document", document, "page", 1)));
        long id = Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agreements").then().statusCode(201)
                .body("request", nullValue()).body("votes_for", equalTo(4)).body("votes_against", equalTo(1))
                .body("agency", equalTo(scene.agency().stateCode + "/" + scene.agency().slug))
                .extract().jsonPath().getLong("id");
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + id + "/publish").then()
                .statusCode(200);
        given().when().get("/api/v1/agreements/" + id).then().statusCode(200)
                .body("dates[0].kind", equalTo("approved")).body("evidence[0].id", equalTo((int) document))
                .body("evidence[0].publisher", equalTo("Saltmere city clerk"));
    }

    @Test
    void shouldListTheVocabulary() {
        given().when().get("/api/v1/agreements/vocabulary").then().statusCode(200)
                .body("kinds.code", hasItem("acknowledgement_form"))
                .body("clauses.find { it.code == 'subsidy' }.figures", hasItem("vendor_match_dollars"));
    }

    @Test
    void shouldNotLetAnyoneCiteADocumentTheyCannotSee() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Wrenford");
        long document = scene.uploadMou();
        Fixtures.api(scene.otherToken()).contentType(ContentType.JSON).body(mou(document))
                .when().post("/api/v1/agreements").then().statusCode(422)
                .body("errors.evidence", containsString("not a document you can see"));
        given().contentType(ContentType.JSON).body(mou(document)).when().post("/api/v1/agreements").then()
                .statusCode(401);
    }

}
