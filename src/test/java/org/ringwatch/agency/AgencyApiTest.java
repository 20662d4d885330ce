package org.ringwatch.agency;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AgencyApiTest {

    @Test
    void shouldWalkEveryPageOnceInOrder() {
        List<String> keys = new ArrayList<>();
        String next = "/api/v1/agencies?state=IL&limit=40";
        int pages = 0;
        while (next != null) {
            Response response = given().when().get(next).then().statusCode(200).extract().response();
            List<String> states = response.jsonPath().getList("items.state");
            List<String> slugs = response.jsonPath().getList("items.slug");
            assertThat(states, everyItem(equalTo("IL")));
            for (int i = 0; i < slugs.size(); i++) {
                keys.add(states.get(i) + "/" + slugs.get(i));
            }
            String following = response.jsonPath().getString("next");
            if (following != null) {
                assertEquals("<" + following + ">; rel=\"next\"", response.header("Link"));
                assertThat(slugs, hasSize(40));
            } else {
                assertEquals(null, response.header("Link"));
            }
            next = following;
            pages++;
        }
        assertThat(pages, greaterThan(3));
        assertEquals(new HashSet<>(keys).size(), keys.size(), "no agency served twice");
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertEquals(sorted, keys, "served in slug order");
        assertTrue(keys.size() >= 163, "all of Illinois' 163 Atlas agencies, across pages");
    }

    @Test
    void shouldFilterByNameWithoutCaseOrAccentsAcrossStates() {
        given().queryParam("q", "AURORA police").when().get("/api/v1/agencies")
                .then().statusCode(200)
                .body("items.state", hasItem("CO"))
                .body("items.state", hasItem("IL"))
                .body("items.find { it.state == 'IL' }.first_active.date", equalTo("2018-08-28"))
                .body("next", nullValue());
    }

    @Test
    void shouldGiveOneAgencyWithFactsAndSources() {
        given().when().get("/api/v1/agencies/fl/fort-lauderdale-police-department")
                .then().statusCode(200)
                .contentType("application/json")
                .body("name", equalTo("Fort Lauderdale Police Department"))
                .body("state", equalTo("FL"))
                .body("kind", equalTo("police"))
                .body("counties", hasItem("Broward County"))
                .body("facts[0].kind", equalTo("portal_active"))
                .body("facts[0].date.date", equalTo("2018-04-19"))
                .body("facts[0].date.precision", equalTo("day"))
                .body("facts[0].source_record", equalTo("AOS3713"))
                .body("facts[0].source.licence", containsString("CC BY 4.0"))
                .body("links[0].publisher", equalTo("Shreyas Gandlur"))
                .body("links[0].dated", equalTo("2018-03-08"))
                .body("page", equalTo("/agencies/fl/fort-lauderdale-police-department"));
    }

    @Test
    void shouldAnswerABadLimitWith400NamingIt() {
        for (String limit : new String[] {"0", "201", "ten", "-1", "1.5"}) {
            given().queryParam("limit", limit).when().get("/api/v1/agencies")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("title", equalTo("Bad Request"))
                    .body("parameter", equalTo("limit"))
                    .body("detail", containsString("limit must be a whole number from 1 to 200"));
        }
    }

    @Test
    void shouldAnswerAForeignOrTamperedCursorWith400NamingIt() {
        for (String cursor : new String[] {"not-base64!", "djE", "eHl6", "djEfSUw"}) {
            given().queryParam("cursor", cursor).when().get("/api/v1/agencies")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("parameter", equalTo("cursor"))
                    .body("detail", notNullValue());
        }
    }

    @Test
    void shouldAnswerAnUnknownStateFilterWith400NamingIt() {
        given().queryParam("state", "ZZ").when().get("/api/v1/agencies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("state"));
        given().queryParam("state", "US").when().get("/api/v1/agencies")
                .then().statusCode(400).body("parameter", equalTo("state"));
    }

    @Test
    void shouldAnswerAnUnknownAgencyWithProblem404() {
        given().when().get("/api/v1/agencies/co/no-such-agency")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not Found"))
                .body("detail", containsString("no-such-agency"));
        given().when().get("/api/v1/agencies/zz/aurora-police-department")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldTreatLikeWildcardsInTheNameAsText() {
        given().queryParam("q", "%").when().get("/api/v1/agencies")
                .then().statusCode(200).body("items", hasSize(0));
        given().queryParam("q", "_").when().get("/api/v1/agencies")
                .then().statusCode(200).body("items", hasSize(0));
    }
}
