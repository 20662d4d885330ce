package org.ringwatch.account;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Read rate limits with small quotas (its own profile, so no other test feels them) over an hour,
 * so no token comes back while a test runs. Each test reads from an address of its own, sent as
 * X-Forwarded-For the way the proxy the tests trust would.
 */
@QuarkusTest
@TestProfile(ReadLimitsTest.SmallLimits.class)
@WithTestResource(EmbeddedPostgresResource.class)
class ReadLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // %test. too: application.properties raises the anonymous limit for the test profile.
            return Map.of("%test.ringwatch.rate-limit.anonymous", "3", "ringwatch.rate-limit.anonymous", "3",
                    "ringwatch.rate-limit.key", "6", "ringwatch.rate-limit.window", "1H");
        }
    }

    private static final String ANONYMOUS_POLICY = "\"address\";q=3;w=3600";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Inject
    Fixtures fixtures;

    /** A client address no other test has used. */
    private static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private static RequestSpecification from(String address) {
        return given().redirects().follow(false).header("X-Forwarded-For", address);
    }

    /** Reads from {@code address} until its anonymous quota is spent: exactly three reads. */
    private static void spend(String address) {
        for (int left = 2; left >= 0; left--) {
            from(address).when().get("/api/v1/states").then().statusCode(200)
                    .header("RateLimit-Policy", ANONYMOUS_POLICY)
                    .header("RateLimit", startsWith("\"address\";r=" + left + ";t="));
        }
    }

    private static void assertRetryAfterIsPositive(Response response) {
        String retryAfter = response.header("Retry-After");
        assertThat("Retry-After in whole seconds: " + retryAfter, retryAfter.matches("[0-9]+"), equalTo(true));
        assertThat(Long.parseLong(retryAfter), greaterThan(0L));
    }

    private String readKey(Account owner, String label) {
        return Fixtures.api(fixtures.token(owner)).body(Map.of("label", label)).when().post("/api/v1/read-keys")
                .then().statusCode(201).header("Cache-Control", "no-store").body("key", startsWith("rwr_"))
                .extract().path("key");
    }

    @Test
    void shouldAnswer429WithRetryAfterAndRateLimitHeadersOnceAnAddressSpendsItsQuota() {
        String address = freshAddress();
        spend(address);
        Response refused = from(address).when().get("/api/v1/states").then().statusCode(429)
                .contentType("application/problem+json").body("status", equalTo(429))
                .body("title", equalTo("Too Many Requests")).body("detail", containsString("X-Api-Key"))
                .header("RateLimit-Policy", ANONYMOUS_POLICY)
                .header("RateLimit", startsWith("\"address\";r=0;t="))
                .extract().response();
        assertRetryAfterIsPositive(refused);
        // Another address still reads.
        from(freshAddress()).when().get("/api/v1/states").then().statusCode(200);
    }

    @Test
    void shouldCountEveryRepresentationInOneBucketAndAnswerPagesWithAPage() {
        String address = freshAddress();
        from(address).when().get("/api/v1/agencies?state=IL&format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("RateLimit", startsWith("\"address\";r=2;"));
        from(address).when().get("/feed.atom").then().statusCode(200)
                .header("RateLimit", startsWith("\"address\";r=1;"));
        from(address).when().get("/search?q=ring").then().statusCode(200)
                .header("RateLimit", startsWith("\"address\";r=0;"));
        from(address).header("Accept", "application/x-ndjson").when().get("/api/v1/agencies").then()
                .statusCode(429);
        Response page = from(address).when().get("/documents/1/file").then().statusCode(429)
                .contentType(startsWith("text/html")).body(containsString("Too Many Requests"))
                .header("RateLimit-Policy", ANONYMOUS_POLICY).extract().response();
        assertRetryAfterIsPositive(page);
        // Static files and pages outside the list are not counted (health and metrics are on the management port).
        from(address).when().get("/css/site.css").then().statusCode(200).header("RateLimit", nullValue());
        from(address).when().get("/states").then().statusCode(200).header("RateLimit", nullValue());
    }

    @Test
    void shouldRaiseTheLimitWithAReadKey() {
        String key = readKey(fixtures.account(Role.VOLUNTEER), "data desk");
        String address = freshAddress();
        spend(address);
        from(address).when().get("/api/v1/states").then().statusCode(429);
        for (int left = 5; left >= 0; left--) {
            from(address).header(ReadLimits.KEY_HEADER, key).when().get("/api/v1/states").then().statusCode(200)
                    .header("RateLimit-Policy", "\"key\";q=6;w=3600")
                    .header("RateLimit", startsWith("\"key\";r=" + left + ";t="));
        }
        Response refused = from(address).header(ReadLimits.KEY_HEADER, key).when().get("/feed.atom").then()
                .statusCode(429).extract().response();
        assertRetryAfterIsPositive(refused);
    }

    @Test
    void shouldRefuseARevokedOrUnknownKeyRatherThanReadAsAnonymous() {
        Account owner = fixtures.account(Role.VOLUNTEER);
        String token = fixtures.token(owner);
        Response created = Fixtures.api(token).body(Map.of("label", "scraper")).when().post("/api/v1/read-keys")
                .then().statusCode(201).extract().response();
        String key = created.path("key");
        long id = ((Number) created.path("id")).longValue();
        String address = freshAddress();
        from(address).header(ReadLimits.KEY_HEADER, key).when().get("/api/v1/states").then().statusCode(200);

        Fixtures.api(token).when().delete("/api/v1/read-keys/" + id).then().statusCode(204);
        from(address).header(ReadLimits.KEY_HEADER, key).when().get("/api/v1/states").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("unknown or revoked"))
                .header("RateLimit", nullValue());
        from(address).header(ReadLimits.KEY_HEADER, key).when().get("/search?q=ring").then().statusCode(401)
                .contentType(startsWith("text/html"));
        from(address).header(ReadLimits.KEY_HEADER, ApiToken.READ_PREFIX + "made-up").when().get("/feed.atom")
                .then().statusCode(401);
        Fixtures.api(token).when().get("/api/v1/read-keys").then().statusCode(200)
                .body("[0].revoked", equalTo(true)).body("[0].key", nullValue());
        Fixtures.api(token).when().delete("/api/v1/read-keys/" + id).then().statusCode(404);
    }

    @Test
    void shouldNotLetAReadKeyWrite() {
        String key = readKey(fixtures.account(Role.VOLUNTEER), "reader");
        from(freshAddress()).header(ReadLimits.KEY_HEADER, key).contentType("application/json")
                .body(Map.of("agency", "IL/aurora-police-department", "title", "x", "records", "y"))
                .when().post("/api/v1/requests").then().statusCode(401);
        from(freshAddress()).header("Authorization", "Bearer " + key).when().get("/api/v1/states").then()
                .statusCode(401).body("detail", containsString(ReadLimits.KEY_HEADER));
    }

    @Test
    void shouldHoldAKeyToTheLimitAnAdminGaveIt() {
        Account admin = fixtures.account(Role.ADMIN);
        Account owner = fixtures.account(Role.VOLUNTEER);
        String token = fixtures.token(owner);
        Response created = Fixtures.api(token).body(Map.of("label", "heavy reader")).when()
                .post("/api/v1/read-keys").then().statusCode(201).extract().response();
        String key = created.path("key");
        long id = ((Number) created.path("id")).longValue();

        fixtures.browser(admin).formParam("limit", "a lot").when().post("/moderation/tokens/" + id + "/limit")
                .then().statusCode(422).body(containsString("Give a whole number"))
                .body(containsString("value=\"a lot\"")).body(containsString("aria-invalid=\"true\""));
        fixtures.browser(owner).formParam("limit", "2").when().post("/moderation/tokens/" + id + "/limit")
                .then().statusCode(403);
        fixtures.browser(admin).formParam("limit", "2").when().post("/moderation/tokens/" + id + "/limit")
                .then().statusCode(303).header("Location", containsString("/moderation/users"));
        given().redirects().follow(false).cookie(SessionCookies.NAME, fixtures.session(admin)).when()
                .get("/moderation/users").then().statusCode(200).body(containsString("heavy reader"))
                .body(containsString("value=\"2\""));

        String address = freshAddress();
        from(address).header(ReadLimits.KEY_HEADER, key).when().get("/api/v1/states").then().statusCode(200)
                .header("RateLimit-Policy", "\"key\";q=2;w=3600");
        from(address).header(ReadLimits.KEY_HEADER, key).when().get("/api/v1/states").then().statusCode(200);
        from(address).header(ReadLimits.KEY_HEADER, key).when().get("/api/v1/states").then().statusCode(429)
                .header("RateLimit", startsWith("\"key\";r=0;"));
        Fixtures.api(token).when().get("/api/v1/read-keys").then().body("[0].rate_limit", equalTo(2));
    }

    @Test
    void shouldCreateAReadKeyOnTheAccountPageAndExplainARefusedLabel() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        fixtures.browser(volunteer).formParam("keyLabel", "  ").when().post("/account/read-keys").then()
                .statusCode(422).body(containsString("Say what the key is for"))
                .body(containsString("aria-invalid=\"true\""));
        String tooLong = "desk ".repeat(20).strip();
        fixtures.browser(volunteer).formParam("keyLabel", tooLong).when().post("/account/read-keys").then()
                .statusCode(422).body(containsString("at most 80")).body(containsString("value=\"" + tooLong + "\""));
        String page = fixtures.browser(volunteer).formParam("keyLabel", "Tribune data desk").when()
                .post("/account/read-keys").then().statusCode(200).header("Cache-Control", "no-store")
                .body(containsString("id=\"new-read-key\"")).extract().asString();
        String key = page.substring(page.indexOf(ApiToken.READ_PREFIX), page.indexOf(ApiToken.READ_PREFIX) + 47);
        from(freshAddress()).header(ReadLimits.KEY_HEADER, key).when().get("/api/v1/states").then()
                .statusCode(200).header("RateLimit-Policy", "\"key\";q=6;w=3600");
        given().cookie(SessionCookies.NAME, fixtures.session(volunteer)).when().get("/account").then()
                .statusCode(200).body(containsString("Tribune data desk")).body(not(containsString(key)));
    }

    @Test
    void shouldCountASignedInBrowserByItsAccount() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        String address = freshAddress();
        spend(address);
        from(address).cookie(SessionCookies.NAME, fixtures.session(volunteer)).when().get("/search?q=ring").then()
                .statusCode(200).header("RateLimit-Policy", "\"account\";q=6;w=3600");
    }
}
