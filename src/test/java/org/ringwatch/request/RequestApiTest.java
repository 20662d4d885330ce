package org.ringwatch.request;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RequestApiTest {

    @Inject
    Fixtures fixtures;

    @Test
    void shouldIssueATokenForEmailAndPassword() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        given().contentType("application/json")
                .body("{\"email\": \"" + volunteer.email + "\", \"password\": \"" + Fixtures.PASSWORD + "\", \"label\": \"cli\"}")
                .when().post("/api/v1/tokens")
                .then().statusCode(201).header("Cache-Control", containsString("no-store"))
                .body("token", startsWith("rw_")).body("label", equalTo("cli")).body("id", notNullValue());
    }

    /** The done-when walk: file, acknowledgement, fee request, fee paid, partial release; due dates at each step. */
    @Test
    void shouldReckonTheDueDateAtEveryStep() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        String token = fixtures.token(volunteer);
        long id = create(token, "IL/aurora-police-department", true).then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/requests/\\d+"))
                .body("status", equalTo("draft")).body("due_date", nullValue())
                .body("due_explanation", containsString("Not filed yet"))
                .extract().jsonPath().getLong("id");

        step(token, id, "{\"date\": \"2026-11-02\", \"direction\": \"sent\", \"channel\": \"email\", \"status\": \"filed\"}");
        get(id).body("status", equalTo("filed")).body("filed_date", equalTo("2026-11-02"))
                .body("due_date", equalTo("2026-11-09"))
                .body("due_explanation", containsString("5 business days from Mon 2026-11-02 (filed)"));

        step(token, id, "{\"date\": \"2026-11-04\", \"direction\": \"received\", \"channel\": \"email\","
                + " \"status\": \"acknowledged\", \"tracking_numbers\": [\"FOIA-2026-118\", \"FOIA-2026-119\"]}");
        get(id).body("due_date", equalTo("2026-11-09"))
                .body("tracking_numbers", equalTo(List.of("FOIA-2026-118", "FOIA-2026-119")));

        step(token, id, "{\"date\": \"2026-11-05\", \"direction\": \"received\", \"channel\": \"email\","
                + " \"status\": \"fee_requested\", \"fee\": 25.00}");
        get(id).body("due_date", nullValue()).body("paused", equalTo(true))
                .body("due_explanation", containsString("The clock is paused since Thu 2026-11-05 (fee requested)"));

        step(token, id, "{\"date\": \"2026-11-10\", \"direction\": \"sent\", \"channel\": \"mail\","
                + " \"status\": \"processing\", \"fee_paid\": 25}");
        get(id).body("due_date", equalTo("2026-11-13")).body("paused", equalTo(false))
                .body("due_explanation", containsString("plus 3 business days paused"));

        step(token, id, "{\"date\": \"2026-11-12\", \"direction\": \"received\", \"channel\": \"portal\","
                + " \"status\": \"partially_fulfilled\", \"body\": \"First 40 pages released\"}");
        get(id).body("status", equalTo("partially_fulfilled")).body("due_date", equalTo("2026-11-13"))
                .body("overdue", equalTo(true)).body("events", org.hamcrest.Matchers.hasSize(5))
                .body("events[2].fee", equalTo(25.0f));
    }

    @Test
    void shouldRefuseInvalidEntriesWithTheFieldAndReason() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        String token = fixtures.token(volunteer);
        long id = create(token, "IL/aurora-police-department", true).jsonPath().getLong("id");
        invalid(token, id, "{\"date\": \"2026-11-02\", \"direction\": \"received\", \"status\": \"fulfilled\"}", "status",
                "A request that is draft cannot become fulfilled.");
        invalid(token, id, "{\"date\": \"2999-01-01\", \"direction\": \"sent\", \"status\": \"filed\"}", "date",
                "in the future");
        invalid(token, id, "{\"date\": \"02/11/2026\", \"direction\": \"sent\", \"status\": \"filed\"}", "date",
                "YYYY-MM-DD");
        invalid(token, id, "{\"date\": \"2026-11-02\", \"direction\": \"sideways\"}", "direction", "sent, received");
        invalid(token, id, "{\"date\": \"2026-11-02\", \"direction\": \"sent\", \"channel\": \"pigeon\", \"status\": \"filed\"}",
                "channel", "e-mail, portal");
        invalid(token, id, "{\"date\": \"2026-11-02\", \"direction\": \"sent\", \"status\": \"lost\"}", "status",
                "is not a status");
        invalid(token, id, "{\"date\": \"2026-11-02\", \"direction\": \"sent\"}", "status", "choose “Filed”");
        step(token, id, "{\"date\": \"2026-11-02\", \"direction\": \"sent\", \"status\": \"filed\"}");
        invalid(token, id, "{\"date\": \"2026-11-03\", \"direction\": \"received\", \"status\": \"denied\"}", "exemption",
                "exemption");
        invalid(token, id, "{\"date\": \"2026-11-01\", \"direction\": \"received\", \"status\": \"acknowledged\"}",
                "date", "cannot be dated before");
        invalid(token, id, "{\"date\": \"2026-11-03\", \"direction\": \"received\", \"fee\": -5}", "fee", "dollars");
        get(id).body("status", equalTo("filed")).body("events", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void shouldRefuseBadRequestsToCreate() {
        String token = fixtures.token(fixtures.account(Role.VOLUNTEER));
        Fixtures.api(token).body("{\"agency\": \"ZZ/nowhere\", \"title\": \"t\", \"records\": \"r\"}")
                .when().post("/api/v1/requests").then().statusCode(422).contentType("application/problem+json")
                .body("errors.agency", containsString("No agency"));
        Fixtures.api(token).body("{\"agency\": \"IL/aurora-police-department\", \"title\": \" \", \"records\": \"\","
                        + " \"allow_duplicate\": true}")
                .when().post("/api/v1/requests").then().statusCode(422)
                .body("errors.title", notNullValue()).body("errors.records", notNullValue());
        Fixtures.api(token).body("{not json").when().post("/api/v1/requests").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldWarnOfAnOpenRequestToTheSameAgency() {
        Account first = fixtures.account(Role.VOLUNTEER);
        Account second = fixtures.account(Role.VOLUNTEER);
        String agency = "CO/aurora-police-department";
        create(fixtures.token(first), agency, true).then().statusCode(201);
        create(fixtures.token(second), agency, false).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Another open request targets Aurora Police Department"));
        create(fixtures.token(second), agency, true).then().statusCode(201);
        fixtures.browser(second).formParam("agency", "co/aurora-police-department").formParam("title", "Mine")
                .formParam("records", "The MOU").when().post("/requests")
                .then().statusCode(409).body(containsString("I know about the open request"));
    }

    @Test
    void shouldFilterTheListAndRefuseBadFilters() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        String token = fixtures.token(volunteer);
        long id = create(token, "WI/greenfield-police-department", true).jsonPath().getLong("id");
        step(token, id, "{\"date\": \"2026-11-02\", \"direction\": \"sent\", \"status\": \"filed\"}");
        given().queryParam("agency", "wi/greenfield-police-department").when().get("/api/v1/requests")
                .then().statusCode(200).body("items.id", hasItem((int) id));
        given().queryParam("state", "WI").queryParam("status", "filed").when().get("/api/v1/requests")
                .then().statusCode(200).body("items.status", everyItem(equalTo("filed"))).body("items.id", hasItem((int) id));
        given().queryParam("overdue", "false").queryParam("state", "WI").when().get("/api/v1/requests")
                .then().statusCode(200).body("items.id", hasItem((int) id))
                .body("items.due_date", everyItem(nullValue()));
        for (String[] bad : new String[][] {{"status", "lost"}, {"overdue", "maybe"}, {"state", "ZZ"},
                {"agency", "nowhere"}, {"limit", "0"}, {"cursor", "garbage"}}) {
            given().queryParam(bad[0], bad[1]).when().get("/api/v1/requests").then().statusCode(400)
                    .contentType("application/problem+json").body("parameter", equalTo(bad[0]));
        }
    }

    @Test
    void shouldPageThroughRequests() {
        String token = fixtures.token(fixtures.account(Role.VOLUNTEER));
        for (int i = 0; i < 3; i++) {
            long id = create(token, "OR/gresham-police-department", true).jsonPath().getLong("id");
            step(token, id, "{\"date\": \"2026-11-02\", \"direction\": \"sent\", \"status\": \"filed\"}");
        }
        Response first = given().queryParam("limit", 2).queryParam("state", "OR").when().get("/api/v1/requests")
                .then().statusCode(200).extract().response();
        String next = first.jsonPath().getString("next");
        org.junit.jupiter.api.Assertions.assertNotNull(next);
        given().when().get(next).then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    /**
     * Entries logged at once on one request (volunteers and a load test do): every one is kept,
     * none fails on a deadlock, and of several entries moving a draft to "filed" at once only one
     * may, since the others no longer start from a draft.
     */
    @Test
    void shouldKeepEveryEntryLoggedAtOnceAndChangeTheStatusOnce() throws Exception {
        String token = fixtures.token(fixtures.account(Role.VOLUNTEER));
        long id = create(token, "IL/aurora-police-department", true).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> filings = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                filings.add(pool.submit(() -> {
                    start.await();
                    return Fixtures.api(token).body("{\"date\": \"2027-05-03\", \"direction\": \"sent\","
                            + " \"status\": \"filed\"}").when().post("/api/v1/requests/" + id + "/events").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> filing : filings) {
                statuses.add(filing.get());
            }
            assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            assertEquals(writers - 1, statuses.stream().filter(status -> status == 422).count(), statuses.toString());

            List<Future<List<Integer>>> notes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int writer = i;
                notes.add(pool.submit(() -> {
                    List<Integer> ids = new ArrayList<>();
                    for (int n = 0; n < 10; n++) {
                        ids.add(Fixtures.api(token).body("{\"date\": \"2027-05-04\", \"direction\": \"note\","
                                + " \"subject\": \"note " + writer + "-" + n + "\"}")
                                .when().post("/api/v1/requests/" + id + "/events").then().statusCode(201)
                                .extract().jsonPath().getInt("id"));
                    }
                    return ids;
                }));
            }
            List<Integer> logged = new ArrayList<>();
            for (Future<List<Integer>> note : notes) {
                logged.addAll(note.get());
            }
            List<Integer> kept = Fixtures.api(token).when().get("/api/v1/requests/" + id).then().statusCode(200)
                    .extract().jsonPath().getList("events.id", Integer.class);
            assertTrue(kept.containsAll(logged), "every acknowledged entry is in the log");
            assertEquals(writers * 10 + 1, kept.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private Response create(String token, String agency, boolean allowDuplicate) {
        return Fixtures.api(token).body("{\"agency\": \"" + agency + "\", \"title\": \"Ring agreement\","
                        + " \"records\": \"The Ring MOU\", \"allow_duplicate\": " + allowDuplicate + "}")
                .when().post("/api/v1/requests");
    }

    private static void step(String token, long id, String event) {
        Fixtures.api(token).body(event).when().post("/api/v1/requests/" + id + "/events").then().statusCode(201);
    }

    private static void invalid(String token, long id, String event, String field, String message) {
        Fixtures.api(token).body(event).when().post("/api/v1/requests/" + id + "/events")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors." + field, containsString(message));
    }

    private static io.restassured.response.ValidatableResponse get(long id) {
        return given().when().get("/api/v1/requests/" + id).then().statusCode(200);
    }
}
