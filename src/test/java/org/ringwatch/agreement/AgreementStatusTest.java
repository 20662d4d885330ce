package org.ringwatch.agreement;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.request.RecordsRequest;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** An agency's agreement status, derived from its published agreements and its public requests. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AgreementStatusTest {

    @Inject
    AgreementFixtures agreements;

    @Inject
    Fixtures fixtures;

    private static String statusPath(Agency agency) {
        return "/api/v1/agencies/" + agency.stateCode + "/" + agency.slug + "/agreement-status";
    }

    @Test
    void shouldSayNotYetAskedThenAskedWithTheDueDate() {
        Agency agency = agreements.fictionalAgency("Tarrow Glen");
        given().when().get(statusPath(agency)).then().statusCode(200).body("status", equalTo("not_asked"))
                .body("label", equalTo("Not yet asked")).body("request", nullValue());

        Account volunteer = fixtures.account(Role.VOLUNTEER);
        RecordsRequest draft = fixtures.draft(volunteer, agency.stateCode, agency.slug);
        given().when().get(statusPath(agency)).then().body("status", equalTo("not_asked"));

        RecordsRequest filed = fixtures.filed(volunteer, agency.stateCode, agency.slug, LocalDate.of(2027, 5, 20));
        given().when().get(statusPath(agency)).then().body("status", equalTo("asked"))
                .body("request", equalTo(filed.id.intValue())).body("due_date", notNullValue());
        org.junit.jupiter.api.Assertions.assertNotEquals(draft.id, filed.id);
    }

    @Test
    void shouldSayNoAgreementExistsWhenARequestEndedWithNoResponsiveRecords() {
        Agency agency = agreements.fictionalAgency("Brindle Cove");
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        RecordsRequest request = fixtures.filed(volunteer, agency.stateCode, agency.slug, LocalDate.of(2027, 5, 3));
        fixtures.log(volunteer, request, LocalDate.of(2027, 5, 20), "received", "no_responsive_records", false,
                "After a diligent search, no responsive records were found.");
        given().when().get(statusPath(agency)).then().statusCode(200).body("status", equalTo("no_agreement"))
                .body("label", equalTo("No agreement exists")).body("request", equalTo(request.id.intValue()))
                .body("request_page", equalTo("/requests/" + request.id));
    }

    @Test
    void shouldSayWithheldWithTheExemptionWhenARequestWasDenied() {
        Agency agency = agreements.fictionalAgency("Mossvale");
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        RecordsRequest request = fixtures.filed(volunteer, agency.stateCode, agency.slug, LocalDate.of(2027, 5, 3));
        Fixtures.api(fixtures.token(volunteer)).contentType(ContentType.JSON)
                .body(Map.of("date", "2027-05-21", "direction", "received", "channel", "email", "status", "denied",
                        "exemption_cited", "ORS 192.355(4)", "body", "Denied."))
                .when().post("/api/v1/requests/" + request.id + "/events").then().statusCode(201);
        given().when().get(statusPath(agency)).then().body("status", equalTo("withheld"))
                .body("exemption", equalTo("ORS 192.355(4)"));
    }

    @Test
    void shouldSayAgreementObtainedOnlyOnceItIsPublished() throws IOException {
        AgreementFixtures.Scene scene = agreements.scene("Kestrel Point");
        long document = scene.uploadPublished("mou.pdf", Papers.textPdf(Papers.mou("Kestrel Point")));
        long id = Fixtures.api(scene.authorToken()).contentType(ContentType.JSON).body(AgreementApiTest.mou(document))
                .when().post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
        given().when().get(statusPath(scene.agency())).then().body("status", equalTo("asked"));
        Fixtures.api(scene.moderatorToken()).when().post("/api/v1/agreements/" + id + "/publish").then().statusCode(200);
        given().when().get(statusPath(scene.agency())).then().body("status", equalTo("obtained"))
                .body("agreements", hasItem((int) id));
        given().when().get("/api/v1/agencies/OR/no-such-agency/agreement-status").then().statusCode(404);
    }
}
