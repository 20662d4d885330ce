package org.ringwatch.agreement;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.api.ListWalk;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The agreements list in every format, page by page and whole: published ones for the public. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AgreementListTest {

    static final String HEADER = "id,page,agency,agency_name,request,kind,title,program_names,public_parties,"
            + "counterparties,counterparty_other,execution,approval_body,votes_for,votes_against,end_reason,"
            + "visibility,is_template,comparison.template,comparison.page,created_at,updated_at,published_at";

    static final String CLAUSE_HEADER = "agreement_id,topic,state,quote,citation.document,citation.sha256,"
            + "citation.page,citation.withheld,citation.page_url,figures.devices,figures.dollars_per_download,"
            + "figures.city_dollars,figures.vendor_match_dollars,figures.residents,figures.discount_dollars,"
            + "checked_by_eye";

    @Inject
    AgreementFixtures agreements;

    @Test
    void shouldServeEveryPublishedAgreementOnceInEveryFormat() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Harrowgate Mill");
        long document = scene.uploadPublished("mou.pdf", Papers.textPdf(Papers.mou(scene.town())));
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            published.add(String.valueOf(publish(scene, create(scene, document))));
        }
        long draft = create(scene, document);
        Collections.reverse(published);
        String agency = scene.agency().stateCode + "/" + scene.agency().slug;

        assertEquals(published, ListWalk.everyFormat("/api/v1/agreements?agency=" + agency + "&limit=2", HEADER,
                "id"), "newest first; the draft " + draft + " is its author's");
        assertEquals(published, ListWalk.pages("/api/v1/agreements?agency=" + agency
                + "&clause=free_devices&clause_state=present&kind=mou&limit=1", "id"));
        List<String> oldestFirst = new ArrayList<>(published);
        Collections.reverse(oldestFirst);
        assertEquals(oldestFirst, ListWalk.everyFormat("/api/v1/agreements?agency=" + agency + "&sort=id&limit=2",
                HEADER, "id"), "sort=id: oldest first");
        given().queryParam("sort", "signed").when().get("/api/v1/agreements").then().statusCode(400)
                .body("parameter", equalTo("sort"));
        assertEquals(List.of(), ListWalk.pages("/api/v1/agreements?agency=" + agency + "&signed_to=2018-01-01", "id"));
        assertEquals(4, Fixtures.api(scene.authorToken()).queryParam("agency", agency).queryParam("format", "ndjson")
                .queryParam("all", "true").when().get("/api/v1/agreements").then().statusCode(200).extract().asString()
                .lines().count(), "its author sees the draft too");

        List<List<String>> csv = ListWalk.csv(given().queryParam("agency", agency).queryParam("format", "csv")
                .queryParam("limit", 1).when().get("/api/v1/agreements").then().statusCode(200).extract().asString());
        assertEquals(List.of(published.get(0), agency, "mou", "Neighbors Portal", "ring_llc", "published"),
                List.of(csv.get(1).get(0), csv.get(1).get(2), csv.get(1).get(5), csv.get(1).get(7), csv.get(1).get(9),
                        csv.get(1).get(16)));

        given().queryParam("clause_state", "present").queryParam("format", "csv").when().get("/api/v1/agreements")
                .then().statusCode(400).body("parameter", equalTo("clause_state"));
        given().queryParam("format", "pdf").when().get("/api/v1/agreements").then().statusCode(400)
                .body("parameter", equalTo("format"));
    }

    @Test
    void shouldListTheClausesOfTheListedAgreementsJoinedById() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Ostler Reach");
        long document = scene.uploadPublished("mou.pdf", Papers.textPdf(Papers.mou(scene.town())));
        long older = publish(scene, create(scene, document));
        long newer = publish(scene, create(scene, document));
        long draft = create(scene, document);
        String agency = scene.agency().stateCode + "/" + scene.agency().slug;
        // The order GET /api/v1/agreements/{id} gives each agreement's clauses in.
        List<String> topics = given().when().get("/api/v1/agreements/" + older).then().statusCode(200).extract()
                .jsonPath().getList("clauses.topic");
        List<String> expected = new ArrayList<>();
        for (long id : List.of(newer, older)) {
            topics.forEach(topic -> expected.add(id + "/" + topic));
        }

        assertEquals(expected, ListWalk.everyFormat("/api/v1/agreements/clauses?agency=" + agency + "&limit=3",
                CLAUSE_HEADER, "agreement_id", "topic"), "the draft " + draft + " is its author's");
        assertEquals(expected, ListWalk.pages("/api/v1/agreements/clauses?agency=" + agency
                + "&clause=free_devices&limit=1", "agreement_id", "topic"), "every clause of the agreements listed");
        List<String> oldestFirst = new ArrayList<>(expected.subList(topics.size(), expected.size()));
        oldestFirst.addAll(expected.subList(0, topics.size()));
        assertEquals(oldestFirst, ListWalk.pages("/api/v1/agreements/clauses?agency=" + agency + "&sort=id&limit=1",
                "agreement_id", "topic"), "sort=id: clauses follow their agreements, oldest first, across pages");
        assertEquals(List.of(), ListWalk.pages("/api/v1/agreements/clauses?agency=" + agency
                + "&clause=free_devices&clause_state=struck", "agreement_id", "topic"));
        assertEquals(expected.size() + topics.size(), Fixtures.api(scene.authorToken()).queryParam("agency", agency)
                .queryParam("format", "ndjson").queryParam("all", "true").when().get("/api/v1/agreements/clauses")
                .then().statusCode(200).extract().asString().lines().count(), "its author sees the draft's too");

        List<List<String>> csv = ListWalk.csv(given().queryParam("agency", agency).queryParam("format", "csv")
                .queryParam("all", "true").when().get("/api/v1/agreements/clauses").then().statusCode(200).extract()
                .asString());
        List<String> devices = csv.stream().filter(row -> row.get(0).equals(String.valueOf(older))
                && row.get(1).equals("free_devices")).findFirst().orElseThrow();
        List<String> header = csv.get(0);
        assertEquals(List.of("present", Papers.MOU_DEVICES, String.valueOf(document), "1", "15"),
                List.of(devices.get(2), devices.get(3), devices.get(header.indexOf("citation.document")),
                        devices.get(header.indexOf("citation.page")), devices.get(header.indexOf("figures.devices"))));

        given().queryParam("clause", "promises").when().get("/api/v1/agreements/clauses").then().statusCode(400)
                .body("parameter", equalTo("clause"));
        given().queryParam("cursor", "djEfMQ").when().get("/api/v1/agreements/clauses").then().statusCode(400)
                .body("parameter", equalTo("cursor"));
        given().queryParam("limit", "201").queryParam("format", "csv").when().get("/api/v1/agreements/clauses")
                .then().statusCode(400).body("parameter", equalTo("limit"));
    }

    private static long create(AgreementFixtures.Scene scene, long document) {
        return Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(AgreementFixtures.mouBody(document))
                .when().post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long publish(AgreementFixtures.Scene scene, long id) {
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + id + "/publish").then()
                .statusCode(200);
        return id;
    }
}
