package org.ringwatch.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SiteTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void shouldShowTheHeadlineFiguresOnTheHomePage() {
        given().when().get("/")
                .then().statusCode(200)
                .body(containsString("<h1>Which police agencies partnered with Amazon's Ring?</h1>"),
                        containsString("<time datetime=\"2018-03-22\">22 March 2018</time>"),
                        containsString("Atlas of Surveillance"),
                        containsString("CC BY 4.0"),
                        containsString("<a href=\"/states/ca\">California</a>"));
    }

    @Test
    void shouldSendSecurityHeadersOnPagesAndApi() {
        for (String path : new String[] {"/", "/api/v1/states", "/no-such-page"}) {
            given().when().get(path)
                    .then()
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"));
        }
    }

    @Test
    void shouldServeTheStylesheetFromTheAppItself() {
        given().when().get("/css/site.css").then().statusCode(200).contentType(containsString("text/css"));
        given().when().get("/").then().body(not(matchesPattern("(?s).*(src|href)=\"https?://(?!atlasofsurveillance|creativecommons).*")));
    }

    @Test
    void shouldAnswerUnknownPagesInTheLayoutWithoutDetails() {
        given().when().get("/no/such/page")
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("<title>Not Found · RingWatch</title>"),
                        containsString("href=\"/css/site.css\""),
                        not(containsString("Exception")));
    }

    @Test
    void shouldRefuseAWriteToAPageWithoutLeakingDetails() {
        given().when().post("/states")
                .then().statusCode(405).contentType(containsString("text/html"))
                .body(not(containsString("Exception")), not(containsString("at org.")));
    }

    @Test
    void shouldTreatABadSearchOffsetAsTheFirstPage() {
        given().queryParam("q", "agreement").queryParam("offset", "abc").when().get("/search")
                .then().statusCode(200).body(containsString("Search the released records"));
    }

    /** Health and metrics are the operator's, on the management port; the OpenAPI document is the public's. */
    @Test
    void shouldReportHealthAndMetricsOnTheManagementPortOnlyAndOpenApiOnThePublicOne() {
        given().port(management.getPort()).when().get("/q/health/ready").then().statusCode(200)
                .body(containsString("UP"));
        given().port(management.getPort()).when().get("/q/health/live").then().statusCode(200);
        given().port(management.getPort()).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().when().get(path).then().statusCode(404);
        }
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/agencies"), containsString("/api/v1/states/{code}"));
        given().port(management.getPort()).when().get("/q/openapi").then().statusCode(404);
    }
}
