package org.ringwatch.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A query parameter the endpoint does not take, or a value it cannot read, is a 400 naming it:
 * never silently ignored, which would answer a misspelt filter with the unfiltered list.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class QueryParametersTest {

    /**
     * Every GET list route of the API, from the OpenAPI document (so a new one is checked too),
     * with what it needs to answer 200.
     */
    private static final Map<String, String> REQUIRED = Map.of("/api/v1/search", "q=ring");

    @Inject
    Fixtures fixtures;

    @Test
    void shouldRefuseAnUnknownParameterOnEveryListRoute() {
        Map<String, Map<String, Object>> paths = given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<String> lists = paths.entrySet().stream().filter(p -> !p.getKey().contains("{"))
                .filter(p -> p.getValue().containsKey("get")).map(Map.Entry::getKey).sorted().toList();
        assertTrue(lists.containsAll(List.of("/api/v1/agencies", "/api/v1/agreements", "/api/v1/requests",
                "/api/v1/search", "/api/v1/states", "/api/v1/statistics")), lists.toString());
        // Signed in with a personal token, so the lists of one's own things (read keys) answer too.
        String token = fixtures.token(fixtures.account(Role.VOLUNTEER));
        for (String path : lists) {
            String required = REQUIRED.getOrDefault(path, "");
            // The latest dump is a redirect to a file, or 404 before the first dump (DumpTest has both).
            Fixtures.api(token).redirects().follow(false).when().get(required.isEmpty() ? path : path + "?" + required)
                    .then().statusCode(path.equals("/api/v1/dumps/latest") ? anyOf(is(302), is(404)) : is(200));
            Fixtures.api(token).when().get(path + "?" + (required.isEmpty() ? "" : required + "&")
                            + "updated_sinse=2026-01-01")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("status", equalTo(400), "parameter", equalTo("updated_sinse"),
                            "detail", containsString("Unknown query parameter 'updated_sinse'."),
                            "instance", equalTo(path));
        }
    }

    @Test
    void shouldListWhatTheEndpointTakes() {
        given().queryParam("stat", "IL").when().get("/api/v1/agencies").then().statusCode(400)
                .body("detail", equalTo("Unknown query parameter 'stat'. This endpoint takes: state, q, cursor,"
                        + " limit, format, all, updated_since."));
        given().queryParam("limit", "5").when().get("/api/v1/states/IL").then().statusCode(400)
                .body("parameter", equalTo("limit"),
                        "detail", equalTo("Unknown query parameter 'limit'. This endpoint takes no query parameters."));
    }

    @Test
    void shouldRefuseAnUnknownParameterOnOtherRoutesToo() {
        given().queryParam("format", "csv").when().get("/api/v1/states/IL").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("parameter", equalTo("format"));
        given().contentType("application/json").body("{}").queryParam("dry_run", "true")
                .when().post("/api/v1/tokens").then().statusCode(400).body("parameter", equalTo("dry_run"));
    }

    @Test
    void shouldRefuseAParameterGivenTwice() {
        given().when().get("/api/v1/agencies?state=IL&state=OR").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("parameter", equalTo("state"),
                        "detail", equalTo("state is given 2 times; give it once."));
    }

    @Test
    void shouldRefuseAValueItsTypeCannotTake() {
        given().queryParam("verify", "yes").when().get("/api/v1/documents/1/file").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("parameter", equalTo("verify"),
                        "detail", equalTo("verify must be true or false; got 'yes'."));
    }

    @Test
    void shouldStillAnswerTheEndpointsOwnCheckOfAValue() {
        given().queryParam("limit", "500").when().get("/api/v1/agencies").then().statusCode(400)
                .body("parameter", equalTo("limit"));
    }
}
