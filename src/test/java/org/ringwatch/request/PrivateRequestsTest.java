package org.ringwatch.request;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.platform.Today;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * What one volunteer keeps private (a draft, an embargoed request) never reaches another through
 * the side doors: the duplicate warning, the API's 409, a dashboard of followed requests.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class PrivateRequestsTest {

    @Inject
    Fixtures fixtures;

    @Inject
    Today today;

    Account owner;
    Account other;
    Agency agency;
    String agencyKey;

    @BeforeEach
    void setUp() {
        owner = fixtures.account(Role.VOLUNTEER);
        other = fixtures.account(Role.VOLUNTEER);
        agency = fixtures.quietAgency();
        agencyKey = agency.stateCode + "/" + agency.slug;
    }

    @Test
    void shouldNotNameAnotherVolunteersEmbargoedRequestInTheDuplicateWarning() {
        RecordsRequest embargoed = fixtures.filed(owner, agency.stateCode, agency.slug, today.date().minusDays(20));
        fixtures.embargo(owner, embargoed, today.date().plusMonths(2));

        fixtures.browser(other).when().get("/requests/new?agency=" + agencyKey).then().statusCode(200)
                .body(allOf(containsString("1 open request to this agency already"),
                        containsString("Another volunteer has an open request here that is not public yet"),
                        not(containsString(embargoed.title)), not(containsString("/requests/" + embargoed.id + "\""))));
        fixtures.browser(other).formParam("agency", agencyKey).formParam("title", "Mine")
                .formParam("records", "The MOU").when().post("/requests").then().statusCode(409)
                .body(allOf(containsString("Another volunteer has an open request here"),
                        not(containsString(embargoed.title))));
    }

    @Test
    void shouldNameTheRequestToItsOwnerAndToModerators() {
        RecordsRequest draft = fixtures.draft(owner, agency.stateCode, agency.slug);
        fixtures.browser(owner).when().get("/requests/new?agency=" + agencyKey).then().statusCode(200)
                .body(allOf(containsString(draft.title), containsString("a draft"),
                        not(containsString("not public yet"))));
        fixtures.browser(fixtures.account(Role.MODERATOR)).when().get("/requests/new?agency=" + agencyKey).then()
                .statusCode(200).body(containsString(draft.title));
    }

    @Test
    void shouldNotListTheIdsOfOtherVolunteersDraftsInTheApiConflict() {
        RecordsRequest draft = fixtures.draft(owner, agency.stateCode, agency.slug);
        RecordsRequest open = fixtures.filed(owner, agency.stateCode, agency.slug, today.date().minusDays(3));
        Fixtures.api(fixtures.token(other)).body("{\"agency\": \"" + agencyKey + "\", \"title\": \"Mine\","
                        + " \"records\": \"The MOU\"}").when().post("/api/v1/requests")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("ids [" + open.id + "]"))
                .body("detail", containsString("1 private one"))
                .body("detail", not(containsString(String.valueOf(draft.id))));
    }

    @Test
    void shouldDropAFollowedRequestFromTheDashboardWhileItIsEmbargoed() {
        RecordsRequest followed = fixtures.filed(owner, agency.stateCode, agency.slug, today.date().minusDays(5));
        fixtures.browser(other).when().post("/requests/" + followed.id + "/follow").then().statusCode(303);
        fixtures.browser(other).when().get("/dashboard").then().statusCode(200)
                .body(containsString(followed.title));

        fixtures.embargo(owner, followed, today.date().plusDays(30));
        fixtures.browser(other).when().get("/dashboard").then().statusCode(200)
                .body(not(containsString(followed.title)));

        fixtures.embargo(owner, followed, today.date());
        fixtures.browser(other).when().get("/dashboard").then().statusCode(200)
                .body(containsString(followed.title));
    }

    @Test
    void shouldFilterTheListByOverdueAgainstTheInjectedDate() {
        // Illinois: 5 business days. Filed two months back it is late; filed today it is not.
        Agency illinois = Agency.findBySlug("IL", "aurora-police-department").orElseThrow();
        RecordsRequest late = fixtures.filed(owner, illinois.stateCode, illinois.slug, today.date().minusMonths(2));
        RecordsRequest fresh = fixtures.filed(owner, illinois.stateCode, illinois.slug, today.date());
        given().queryParam("overdue", "true").queryParam("agency", "IL/aurora-police-department")
                .queryParam("limit", 200).when().get("/api/v1/requests").then().statusCode(200)
                .body("items.id", hasItem(late.id.intValue()))
                .body("items.id", not(hasItem(fresh.id.intValue())))
                .body("items.overdue", not(hasItem(false)));
        given().queryParam("overdue", "false").queryParam("agency", "IL/aurora-police-department")
                .queryParam("limit", 200).when().get("/api/v1/requests").then().statusCode(200)
                .body("items.id", hasItem(fresh.id.intValue()))
                .body("items.id", not(hasItem(late.id.intValue())));
        given().when().get("/api/v1/requests/" + late.id).then().body("overdue", equalTo(true));
    }

    @Test
    void shouldKeepWhatASignedInPersonIsShownOutOfSharedCaches() {
        RecordsRequest embargoed = fixtures.filed(owner, agency.stateCode, agency.slug, today.date().minusDays(2));
        fixtures.embargo(owner, embargoed, today.date().plusMonths(1));
        fixtures.browser(owner).when().get("/requests/" + embargoed.id).then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-store"));
        fixtures.browser(owner).when().get("/dashboard").then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-store"));
        Fixtures.api(fixtures.token(owner)).when().get("/api/v1/requests/" + embargoed.id).then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-store"));
        given().when().get("/requests/" + embargoed.id).then().statusCode(404);
    }
}
