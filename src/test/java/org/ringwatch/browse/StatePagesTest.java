package org.ringwatch.browse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ringwatch.platform.EmbeddedPostgresResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StatePagesTest {

    @Test
    void shouldListEveryStateAndDc() {
        given().when().get("/states")
                .then().statusCode(200)
                .body(containsString("<a href=\"/states/wy\">Wyoming</a>"),
                        containsString("<a href=\"/states/dc\">District of Columbia</a>"),
                        containsString("Freedom of Information Act"));
    }

    @Test
    void shouldExplainABusinessDayLawAndGroupAgenciesByCity() {
        given().when().get("/states/ny")
                .then().statusCode(200)
                .body(containsString("<title>New York · RingWatch</title>"),
                        containsString("5 business days."),
                        containsString("N.Y. Pub. Off. Law"),
                        containsString("Anyone."),
                        containsString("Thanksgiving Day"),
                        containsString("/states/ny/cities/"));
    }

    @Test
    void shouldSayThereIsNoStatutoryDeadlineRatherThanZero() {
        given().when().get("/states/az")
                .then().statusCode(200)
                .body(containsString("No statutory deadline: the law sets no number of days."),
                        not(containsString(" 0 business days")), not(containsString(" 0 calendar days")));
    }

    @Test
    void shouldWarnWhereOnlyResidentsMayAsk() {
        given().when().get("/states/ky")
                .then().statusCode(200)
                .body(containsString("<strong class=\"warning\">Restricted:</strong>"), containsString("KY residents"));
    }

    @Test
    void shouldShowBothStagesOfATwoStageLawAndStateHolidays() {
        given().when().get("/states/or")
                .then().statusCode(200).body(containsString("First 5 business days, then 15 business days."));
        given().when().get("/states/ma")
                .then().statusCode(200).body(containsString("Patriots&#39; Day"), containsString("M.G.L. c. 4 § 7"));
    }

    @Test
    void shouldShowACityWithItsAgencies() {
        given().when().get("/states/il/cities/aurora")
                .then().statusCode(200)
                .body(containsString("<h1>Aurora, Illinois</h1>"),
                        containsString("href=\"/agencies/il/aurora-police-department\""));
    }

    @Test
    void shouldAnswerUnknownPlacesWithTheNotFoundPage() {
        given().when().get("/states/zz").then().statusCode(404).contentType("text/html")
                .body(containsString("404 · Not Found"));
        given().when().get("/states/new-york").then().statusCode(404);
        given().when().get("/states/il/cities/atlantis").then().statusCode(404);
    }
}
