package org.ringwatch.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document is the API's contract for journalists' scripts: it lists the JSON API
 * and nothing else, and says what every parameter is, with an example. Checked over the whole
 * document, so a route added without them fails here.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class OpenApiDocumentTest {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    @Test
    void shouldListOnlyTheJsonApi() {
        Map<String, Object> paths = document().get("paths");
        assertTrue(paths.containsKey("/api/v1/agencies"), "the API is listed: " + paths.keySet());
        List<String> others = paths.keySet().stream().filter(path -> !path.startsWith("/api/v1/")).toList();
        assertEquals(List.of(), others, "paths outside /api/v1 in the OpenAPI document");
    }

    @Test
    void shouldDescribeEveryParameterWithAnExample() {
        List<String> missing = new ArrayList<>();
        int parameters = 0;
        for (var path : document().<Map<String, Map<String, Object>>>get("paths").entrySet()) {
            for (String method : METHODS) {
                @SuppressWarnings("unchecked")
                Map<String, Object> operation = (Map<String, Object>) path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> declared = (List<Map<String, Object>>) operation.getOrDefault("parameters",
                        List.of());
                for (Map<String, Object> parameter : declared) {
                    parameters++;
                    String where = method.toUpperCase() + " " + path.getKey() + " " + parameter.get("in") + " "
                            + parameter.get("name");
                    if (!(parameter.get("description") instanceof String d) || d.isBlank()) {
                        missing.add(where + ": no description");
                    }
                    if (parameter.get("example") == null && parameter.get("examples") == null) {
                        missing.add(where + ": no example");
                    }
                }
            }
        }
        assertTrue(parameters > 20, "the document's operations declare their parameters: " + parameters);
        assertEquals(List.of(), missing);
    }

    @Test
    void shouldDocumentFiltersDeclaredOnceForTwoLists() {
        var document = document();
        for (String path : List.of("/api/v1/agreements", "/api/v1/agreements/clauses")) {
            assertTrue(document.getList("paths.'" + path + "'.get.parameters.name").containsAll(
                    List.of("state", "agency", "kind", "clause", "clause_state", "signed_from", "signed_to")), path);
        }
        for (String path : List.of("/api/v1/requests", "/api/v1/requests/events")) {
            assertTrue(document.getList("paths.'" + path + "'.get.parameters.name").containsAll(
                    List.of("agency", "state", "status", "overdue")), path);
        }
    }

    private static io.restassured.path.json.JsonPath document() {
        return given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }
}
