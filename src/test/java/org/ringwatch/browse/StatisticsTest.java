package org.ringwatch.browse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.agreement.AgreementFixtures;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.request.EventInput;
import org.ringwatch.request.RecordsRequest;
import org.ringwatch.request.RequestService;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statistics against requests counted by hand. Each test files its requests with an
 * invented agency in a city of its own and reads the figures of that city only
 * ({@code ?city=}), so other tests' requests never change what it expects.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StatisticsTest {

    @Inject
    Fixtures fixtures;
    @Inject
    AgreementFixtures agencies;
    @Inject
    Agreements agreements;
    @Inject
    RequestService requests;

    Account owner;

    @BeforeEach
    void setUp() {
        owner = fixtures.account(Role.VOLUNTEER);
    }

    /**
     * Seven public requests, by hand. Days from filing to the first public answer: 2, 5, 7, 3,
     * 30, 10 (the seventh has none) → median (5 + 7) / 2 = 6. To a decision: 16, 10, 21, 3, 30 →
     * median 16. Decided: five (fulfilled twice, no records once, denied twice); one obtained a
     * published agreement → 20 %, no records 20 %, denied 40 %. Left out: a private answer one day
     * after filing (counted, the median would be 4), an embargoed and a draft request, and a draft
     * agreement.
     */
    @Test
    void shouldComputeMediansAndSharesFromHandCountedRequests() {
        Agency agency = agencies.fictionalAgency("Quillby Falls");
        RecordsRequest r1 = filed(agency, "2027-01-04");
        log(r1, "2027-01-06", "acknowledged", false);
        log(r1, "2027-01-20", "fulfilled", false);
        agreements.add(owner, agency, r1, true);
        RecordsRequest r2 = filed(agency, "2027-01-04");
        log(r2, "2027-01-09", "processing", false);
        log(r2, "2027-01-14", "no_responsive_records", false);
        RecordsRequest r3 = filed(agency, "2027-02-01");
        log(r3, "2027-02-02", "acknowledged", true);
        log(r3, "2027-02-08", "processing", false);
        log(r3, "2027-02-22", "denied", false);
        RecordsRequest r4 = filed(agency, "2027-02-01");
        log(r4, "2027-02-04", "fulfilled", false);
        agreements.add(owner, agency, r4, false);
        RecordsRequest r5 = filed(agency, "2027-03-01");
        log(r5, "2027-03-31", "denied", false);
        RecordsRequest r6 = filed(agency, "2027-03-01");
        log(r6, "2027-03-11", "acknowledged", false);
        filed(agency, "2027-03-01");
        RecordsRequest embargoed = filed(agency, "2027-03-01");
        log(embargoed, "2027-03-02", "denied", false);
        fixtures.embargo(owner, embargoed, LocalDate.of(2027, 12, 31));
        fixtures.draft(owner, agency.stateCode, agency.slug);

        JsonPath json = statistics(agency);
        assertEquals(7, json.getInt("public_requests"));
        assertEquals(5, json.getInt("decided_requests"));
        assertEquals(6.0, json.getDouble("median_days_to_first_answer.value"));
        assertEquals(6, json.getInt("median_days_to_first_answer.requests"));
        assertEquals(16.0, json.getDouble("median_days_to_decision.value"));
        assertEquals(5, json.getInt("median_days_to_decision.requests"));
        assertEquals(0.2, json.getDouble("share_agreement_obtained.value"), 1e-9);
        assertEquals(1, json.getInt("share_agreement_obtained.count"));
        assertEquals(0.2, json.getDouble("share_no_records.value"), 1e-9);
        assertEquals(0.4, json.getDouble("share_denied.value"), 1e-9);
        assertEquals(2, json.getInt("share_denied.count"));
        assertFalse(json.getBoolean("share_denied.too_few"));

        given().when().get(statisticsPage(agency)).then().statusCode(200)
                .body(containsString("6 days"), containsString("16 days"), containsString("20% (1 of 5)"),
                        containsString("40% (2 of 5)"), not(containsString("<td>too few to say</td>")));
    }

    @Test
    void shouldSayTooFewToSayBelowFiveRequestsAndAFigureAtFive() {
        Agency agency = agencies.fictionalAgency("Marrow Bend");
        for (int i = 0; i < 4; i++) {
            RecordsRequest request = filed(agency, "2027-04-0" + (i + 1));
            log(request, "2027-04-1" + i, "denied", false);
        }
        JsonPath four = statistics(agency);
        for (String figure : new String[] {"median_days_to_first_answer", "median_days_to_decision",
                "share_agreement_obtained", "share_no_records", "share_denied"}) {
            assertTrue(four.getBoolean(figure + ".too_few"), figure);
            assertNull(four.get(figure + ".value"), figure);
            assertNull(four.get(figure + ".count"), figure);
            assertEquals(4, four.getInt(figure + ".requests"), figure);
        }
        given().when().get(statisticsPage(agency)).then().statusCode(200)
                .body(containsString("<td>too few to say</td>"), not(containsString("100%")));

        // Filed 04-01..04-04, denied 04-10..04-13: 9 days each; the fifth, 04-05 to 04-15, 10 days.
        RecordsRequest fifth = filed(agency, "2027-04-05");
        log(fifth, "2027-04-15", "denied", false);
        JsonPath five = statistics(agency);
        assertFalse(five.getBoolean("share_denied.too_few"));
        assertEquals(1.0, five.getDouble("share_denied.value"));
        assertEquals(0.0, five.getDouble("share_agreement_obtained.value"));
        assertEquals(9.0, five.getDouble("median_days_to_decision.value"));
        assertEquals(9.0, five.getDouble("median_days_to_first_answer.value"));
        given().when().get(statisticsPage(agency)).then().statusCode(200)
                .body(containsString("100% (5 of 5)"), containsString("9 days"), not(containsString("<td>too few to say</td>")));
    }

    @Test
    void shouldAnswerNationallyAndPerStateAnd404ForUnknownPlaces() {
        given().when().get("/statistics").then().statusCode(200).body(containsString("the United States"));
        given().when().get("/api/v1/statistics").then().statusCode(200).body("min_requests", org.hamcrest.Matchers.is(5));
        given().when().get("/states/or/statistics").then().statusCode(200).body(containsString("Oregon"));
        given().when().get("/api/v1/states/OR/statistics").then().statusCode(200).body("state", org.hamcrest.Matchers.is("OR"));
        given().when().get("/states/zz/statistics").then().statusCode(404);
        given().when().get("/api/v1/states/ZZ/statistics").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().when().get("/api/v1/states/OR/statistics?city=no-such-city-here").then().statusCode(404);
    }

    private RecordsRequest filed(Agency agency, String date) {
        return fixtures.filed(owner, agency.stateCode, agency.slug, LocalDate.parse(date));
    }

    private void log(RecordsRequest request, String date, String status, boolean isPrivate) {
        var result = requests.log(owner, request.id, new EventInput(date, "received", "email", null, "Answer: " + status,
                status, "denied".equals(status) ? "none cited" : null, List.of(), null, null, isPrivate));
        assertFalse(result.failed(), () -> result.errors().toString());
    }

    private static String citySlug(Agency agency) {
        return agency.slug.substring(0, agency.slug.length() - "-police-department".length());
    }

    private static JsonPath statistics(Agency agency) {
        return given().queryParam("city", citySlug(agency)).when().get("/api/v1/states/" + agency.stateCode
                + "/statistics").then().statusCode(200).extract().jsonPath();
    }

    private static String statisticsPage(Agency agency) {
        return "/states/" + agency.stateCode.toLowerCase() + "/statistics?city=" + citySlug(agency);
    }

    /** Agreements straight into their table: only their visibility and request matter here. */
    @ApplicationScoped
    static class Agreements {

        @Inject
        EntityManager em;

        @Transactional
        void add(Account editor, Agency agency, RecordsRequest request, boolean published) {
            em.createNativeQuery("""
                    INSERT INTO agreement (agency_id, request_id, kind, title, visibility, created_by, published_by,
                                           published_at)
                    VALUES (:agency, :request, 'mou', 'MOU between an invented town and Ring LLC', :visibility, :editor,
                            CASE WHEN :published THEN CAST(:editor AS bigint) END, CASE WHEN :published THEN now() END)
                    """).setParameter("agency", agency.id).setParameter("request", request.id)
                    .setParameter("visibility", published ? "published" : "draft").setParameter("editor", editor.id)
                    .setParameter("published", published).executeUpdate();
        }
    }
}
