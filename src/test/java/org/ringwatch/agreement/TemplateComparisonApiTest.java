package org.ringwatch.agreement;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The comparison with a kind's template through the API, every outcome: same, differs (with the
 * changed words), only here, missing here, struck here; and the totals across published agreements.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class TemplateComparisonApiTest {

    /** A kind no other test marks a template of: templates are one per kind, across the whole database. */
    private static final String KIND = "portal_terms";
    private static final String CONFIDENTIALITY_MAY =
            "Unless required by law, the Department may keep the terms of the program confidential.";

    @Inject
    AgreementFixtures agreements;

    @Test
    void shouldCompareEachClauseWithTheTemplate() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Quillon");
        long templateDocument = scene.uploadPublished("template.pdf", Papers.textPdf(Papers.mou("Quillon")));
        Map<String, Object> template = body(templateDocument, Map.of(
                "agency_promotes_app", quoted(Papers.MOU_PROMOTION, templateDocument, 2),
                "confidentiality", quoted(Papers.MOU_CONFIDENTIALITY, templateDocument, 2),
                "vendor_approves_statements", quoted(Papers.MOU_APPROVAL, templateDocument, 2),
                "free_devices", quoted(Papers.MOU_DEVICES, templateDocument, 1)));
        long templateId = publish(scene, template);
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + templateId + "/template").then()
                .statusCode(200);

        List<List<String>> pages = new ArrayList<>(Papers.mou("Quillon"));
        List<String> second = new ArrayList<>(pages.get(1));
        second.set(second.indexOf(Papers.MOU_CONFIDENTIALITY), CONFIDENTIALITY_MAY);
        pages.set(1, second);
        long copyDocument = scene.uploadPublished("copy.pdf", Papers.textPdf(pages));
        long struckDocument = scene.uploadPublished("struck.pdf", Papers.textPdf(Papers.struckCopy("Quillon")));
        long subsidyDocument = scene.uploadPublished("subsidy.pdf", Papers.textPdf(Papers.subsidyLetter("Quillon")));

        Map<String, Object> copyClauses = new HashMap<>();
        copyClauses.put("agency_promotes_app", quoted(Papers.MOU_PROMOTION, copyDocument, 2));
        copyClauses.put("confidentiality", quoted(CONFIDENTIALITY_MAY, copyDocument, 2));
        copyClauses.put("vendor_approves_statements", Map.of("state", "absent"));
        copyClauses.put("subsidy", Map.of("state", "present", "quote",
                "Ring will match the City's contribution dollar for dollar.", "document", subsidyDocument, "page", 1,
                "figures", Map.of("city_dollars", 50000, "vendor_match_dollars", 50000, "residents", 500,
                        "discount_dollars", 100)));
        Map<String, Object> copy = body(copyDocument, copyClauses);
        copy.put("evidence", List.of(copyDocument, subsidyDocument));
        JsonPath compared = Fixtures.api(scene.authorToken()).when().get("/api/v1/agreements/" + publish(scene, copy))
                .then().statusCode(200).body("comparison.template", equalTo((int) templateId)).extract().jsonPath();

        assertEquals("same", outcome(compared, "agency_promotes_app"));
        assertEquals("differs", outcome(compared, "confidentiality"));
        assertEquals(List.of("deleted", "inserted"), compared.getList(
                "comparison.clauses.find { it.topic == 'confidentiality' }.diff.findAll { it.op != 'equal' }.op"));
        assertEquals(List.of("shall", "may"), compared.getList(
                "comparison.clauses.find { it.topic == 'confidentiality' }.diff.findAll { it.op != 'equal' }.text"));
        assertEquals("missing_here", outcome(compared, "vendor_approves_statements"));
        assertEquals("only_here", outcome(compared, "subsidy"));
        assertEquals("not_recorded_here", outcome(compared, "free_devices"));
        given().when().get("/agreements/" + compared.getLong("id")).then().statusCode(200)
                .body(containsString("Compared with the template"))
                .body(containsString("<del>shall</del>"), containsString("<ins>may</ins>"))
                .body(containsString("Missing from this copy"), containsString("Only in this copy"));

        Map<String, Object> struck = body(struckDocument, Map.of("confidentiality", Map.of("state", "struck", "quote",
                Papers.MOU_CONFIDENTIALITY, "document", struckDocument, "page", 2)));
        long struckId = publish(scene, struck);
        JsonPath struckCompared = given().when().get("/api/v1/agreements/" + struckId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("struck_here", outcome(struckCompared, "confidentiality"));

        // The template itself is compared with nothing.
        given().when().get("/api/v1/agreements/" + templateId).then().body("comparison", nullValue());

        // Totals: the struck confidentiality and the subsidy's dollars are counted, each with its list.
        JsonPath totals = given().when().get("/api/v1/agreements/totals").then().statusCode(200)
                .body("clauses.find { it.clause == 'confidentiality' && it.state == 'struck' }.agreements",
                        greaterThanOrEqualTo(1))
                .body("figures.find { it.figure == 'city_dollars' }.list",
                        equalTo("/api/v1/agreements?clause=subsidy&clause_state=present")).extract().jsonPath();
        assertTrue(totals.getDouble("figures.find { it.figure == 'city_dollars' }.total") >= 50000);
        given().when().get("/api/v1/agreements?clause=confidentiality&clause_state=struck").then().statusCode(200)
                .body("items.id", hasItem((int) struckId));
        given().when().get("/agreements/totals").then().statusCode(200)
                .body(containsString("/agreements?clause=confidentiality&amp;clause_state=struck"))
                .body(containsString("/agreements?clause=subsidy&amp;clause_state=present"));
        given().when().get("/agreements?clause=confidentiality&clause_state=struck").then().statusCode(200)
                .body(containsString("/agreements/" + struckId + "\""));
    }

    private static String outcome(JsonPath json, String topic) {
        return json.getString("comparison.clauses.find { it.topic == '" + topic + "' }.outcome");
    }

    private static Map<String, Object> quoted(String quote, long document, int page) {
        return Map.of("state", "present", "quote", quote, "document", document, "page", page);
    }

    private static Map<String, Object> body(long document, Map<String, Object> clauses) {
        Map<String, Object> body = new HashMap<>();
        body.put("evidence", List.of(document));
        body.put("kind", KIND);
        body.put("title", "Neighbors Portal terms");
        body.put("counterparties", List.of("ring_llc"));
        body.put("clauses", clauses);
        return body;
    }

    private static long publish(AgreementFixtures.Scene scene, Map<String, Object> body) {
        long id = Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + id + "/publish").then().statusCode(200);
        return id;
    }
}
