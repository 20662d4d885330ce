package org.ringwatch.browse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ringwatch.platform.EmbeddedPostgresResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StateApiTest {

    @Test
    void shouldListAll52Jurisdictions() {
        given().when().get("/api/v1/states")
                .then().statusCode(200).contentType("application/json")
                .body("items", hasSize(52))
                .body("items[0].code", equalTo("US"))
                .body("items.code", hasItem("DC"))
                .body("next", nullValue());
    }

    @Test
    void shouldGiveALawWithItsStagesAndHolidays() {
        given().when().get("/api/v1/states/or")
                .then().statusCode(200)
                .body("code", equalTo("OR"))
                .body("law.first_deadline_days", equalTo(5))
                .body("law.first_deadline_day_type", equalTo("business"))
                .body("law.second_deadline_days", equalTo(15))
                .body("law.deadline_as_written", equalTo("5 / 15"))
                .body("holidays.name", hasItem("Thanksgiving Day"));
    }

    @Test
    void shouldGiveNullDaysWhereTheLawSetsNone() {
        given().when().get("/api/v1/states/AZ")
                .then().statusCode(200)
                .body("law.first_deadline_days", nullValue())
                .body("law.second_deadline_days", nullValue())
                .body("law.deadline_as_written", equalTo("none"));
    }

    @Test
    void shouldAnswerAnUnknownStateWithProblem404() {
        for (String code : new String[] {"ZZ", "xyz", "1"}) {
            given().when().get("/api/v1/states/" + code)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("title", equalTo("Not Found"))
                    .body("detail", containsString(code));
        }
    }

    @Test
    void shouldAnswerUnknownApiPathsAndMethodsWithProblemJson() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().when().delete("/api/v1/states/NY")
                .then().statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
    }
}
