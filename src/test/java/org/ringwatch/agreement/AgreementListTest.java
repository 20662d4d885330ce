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

        assertEquals(published, ListWalk.everyFormat("/api/v1/agreements?agency=" + agency + "&limit=2", "id",
                HEADER), "newest first; the draft " + draft + " is its author's");
        assertEquals(published, ListWalk.pages("/api/v1/agreements?agency=" + agency
                + "&clause=free_devices&clause_state=present&kind=mou&limit=1", "id"));
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
