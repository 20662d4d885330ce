package org.ringwatch.request;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.platform.EmbeddedPostgresResource;
import org.ringwatch.platform.Today;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Who sees and changes what, over every route and representation: anonymous, the requester,
 * another volunteer, a moderator and an admin; a public request with private parts, a draft,
 * an embargoed request.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AuthorizationMatrixTest {

    private static final String AGENCY = "aurora-police-department";

    @Inject
    Fixtures fixtures;

    @Inject
    Today today;

    Account owner;
    Account other;
    Account moderator;
    Account admin;
    RecordsRequest open;
    RecordsRequest draft;
    RecordsRequest embargoed;
    Map<String, Supplier<RequestSpecification>> browsers;
    Map<String, String> tokens;

    @BeforeEach
    void setUp() {
        owner = fixtures.account(Role.VOLUNTEER);
        other = fixtures.account(Role.VOLUNTEER);
        moderator = fixtures.account(Role.MODERATOR);
        admin = fixtures.account(Role.ADMIN);
        LocalDate filed = LocalDate.of(2026, 11, 2);
        open = fixtures.filed(owner, "IL", AGENCY, filed);
        draft = fixtures.draft(owner, "IL", AGENCY);
        embargoed = fixtures.filed(owner, "IL", AGENCY, filed);
        fixtures.embargo(owner, embargoed, today.date().plusMonths(3));
        browsers = new LinkedHashMap<>();
        browsers.put("anonymous", Fixtures::anonymousBrowser);
        browsers.put("owner", () -> fixtures.browser(owner));
        browsers.put("other", () -> fixtures.browser(other));
        browsers.put("moderator", () -> fixtures.browser(moderator));
        browsers.put("admin", () -> fixtures.browser(admin));
        tokens = new LinkedHashMap<>();
        tokens.put("owner", fixtures.token(owner));
        tokens.put("other", fixtures.token(other));
        tokens.put("moderator", fixtures.token(moderator));
        tokens.put("admin", fixtures.token(admin));
    }

    @Test
    void shouldShowPrivatePartsOfAPublicRequestOnlyToItsRequesterAndModerators() {
        for (var actor : browsers.entrySet()) {
            boolean privileged = List.of("owner", "moderator", "admin").contains(actor.getKey());
            String page = actor.getValue().get().when().get("/requests/" + open.id)
                    .then().statusCode(200).extract().asString();
            check(actor.getKey(), page.contains("PRIVATE-NOTE-" + open.id) == privileged, "private note on the page");
            check(actor.getKey(), page.contains("PRIVATE-ENTRY-" + open.id) == privileged, "private entry on the page");
            check(actor.getKey(), page.contains("Filed by e-mail"), "public entry on the page");
        }
        given().when().get("/api/v1/requests/" + open.id).then().statusCode(200)
                .body("private_notes", nullValue()).body("events.body", not(hasItem("PRIVATE-ENTRY-" + open.id)))
                .body("embargo_until", nullValue()).body(not(containsString("@example.org")));
        Fixtures.api(tokens.get("other")).when().get("/api/v1/requests/" + open.id).then().statusCode(200)
                .body("private_notes", nullValue()).body("events.body", not(hasItem("PRIVATE-ENTRY-" + open.id)));
        for (String privileged : List.of("owner", "moderator", "admin")) {
            Fixtures.api(tokens.get(privileged)).when().get("/api/v1/requests/" + open.id).then().statusCode(200)
                    .body("private_notes", containsString("PRIVATE-NOTE-"))
                    .body("events.body", hasItem("PRIVATE-ENTRY-" + open.id));
        }
    }

    @Test
    void shouldHideDraftsAndEmbargoedRequestsFromEveryoneButRequesterAndModerators() {
        for (RecordsRequest hidden : List.of(draft, embargoed)) {
            for (var actor : browsers.entrySet()) {
                int expected = List.of("anonymous", "other").contains(actor.getKey()) ? 404 : 200;
                actor.getValue().get().when().get("/requests/" + hidden.id).then().statusCode(expected);
            }
            given().when().get("/api/v1/requests/" + hidden.id).then().statusCode(404)
                    .contentType("application/problem+json");
            Fixtures.api(tokens.get("other")).when().get("/api/v1/requests/" + hidden.id).then().statusCode(404);
            Fixtures.api(tokens.get("owner")).when().get("/api/v1/requests/" + hidden.id).then().statusCode(200);
            Fixtures.api(tokens.get("moderator")).when().get("/api/v1/requests/" + hidden.id).then().statusCode(200);
        }
        for (String list : List.of("/requests", "/agencies/il/" + AGENCY)) {
            given().when().get(list).then().statusCode(200).body(containsString(open.title))
                    .body(not(containsString(draft.title))).body(not(containsString(embargoed.title)));
            fixtures.browser(moderator).when().get(list).then().body(containsString(embargoed.title))
                    .body(containsString(draft.title));
        }
        given().queryParam("limit", 200).when().get("/api/v1/requests").then().statusCode(200)
                .body("items.id", hasItem(open.id.intValue()))
                .body("items.id", not(hasItem(embargoed.id.intValue())))
                .body("items.id", not(hasItem(draft.id.intValue())));
        Fixtures.api(tokens.get("owner")).queryParam("limit", 200).when().get("/api/v1/requests").then()
                .body("items.id", hasItem(embargoed.id.intValue())).body("items.id", hasItem(draft.id.intValue()));
    }

    @Test
    void shouldPublishAnEmbargoedRequestByItselfWhenTheEmbargoEnds() {
        fixtures.embargo(owner, embargoed, today.date());
        given().when().get("/requests/" + embargoed.id).then().statusCode(200);
        given().when().get("/api/v1/requests/" + embargoed.id).then().statusCode(200);
    }

    @Test
    void shouldShowTheLetterWithContactDetailsOnlyToRequesterAndModerators() {
        for (String path : List.of("/requests/" + open.id + "/letter", "/requests/" + open.id + "/letter.txt")) {
            browsers.get("anonymous").get().when().get(path).then().statusCode(303)
                    .header("Location", containsString("/login?next="));
            browsers.get("other").get().when().get(path).then().statusCode(403);
            for (String privileged : List.of("owner", "moderator", "admin")) {
                browsers.get(privileged).get().when().get(path).then().statusCode(200)
                        .body(containsString(owner.email));
            }
        }
        given().redirects().follow(false).when().get("/requests/" + draft.id + "/letter.txt").then().statusCode(303);
        fixtures.browser(other).when().get("/requests/" + draft.id + "/letter.txt").then().statusCode(404);
    }

    @Test
    void shouldLetOnlyRequesterAndModeratorsLogEntries() {
        String today = LocalDate.of(2026, 11, 3).toString();
        browsers.get("anonymous").get().formParam("date", today).formParam("direction", "note")
                .when().post("/requests/" + open.id + "/events").then().statusCode(303)
                .header("Location", containsString("/login?next="));
        browsers.get("other").get().formParam("date", today).formParam("direction", "note")
                .when().post("/requests/" + open.id + "/events").then().statusCode(403);
        for (String privileged : List.of("owner", "moderator", "admin")) {
            browsers.get(privileged).get().formParam("date", today).formParam("direction", "note")
                    .formParam("body", "note by " + privileged)
                    .when().post("/requests/" + open.id + "/events").then().statusCode(303);
        }
        String body = "{\"date\": \"" + today + "\", \"direction\": \"note\"}";
        given().contentType("application/json").body(body).when().post("/api/v1/requests/" + open.id + "/events")
                .then().statusCode(401).contentType("application/problem+json");
        Fixtures.api(tokens.get("other")).body(body).when().post("/api/v1/requests/" + open.id + "/events")
                .then().statusCode(403).contentType("application/problem+json");
        Fixtures.api(tokens.get("owner")).body(body).when().post("/api/v1/requests/" + open.id + "/events")
                .then().statusCode(201);
        Fixtures.api(tokens.get("other")).body(body).when().post("/api/v1/requests/" + embargoed.id + "/events")
                .then().statusCode(404);
    }

    @Test
    void shouldKeepModerationPagesToModeratorsAndRoleChangesToAdmins() {
        for (String path : List.of("/moderation", "/moderation/users", "/moderation/invitations", "/moderation/audit",
                "/moderation/review")) {
            browsers.get("anonymous").get().when().get(path).then().statusCode(303);
            browsers.get("owner").get().when().get(path).then().statusCode(403);
            browsers.get("moderator").get().when().get(path).then().statusCode(200);
            browsers.get("admin").get().when().get(path).then().statusCode(200);
        }
        browsers.get("moderator").get().when().get("/moderation/audit").then()
                .body(containsString("change status <a href=\"/requests/" + open.id + "\">request " + open.id + "</a>"));
        browsers.get("moderator").get().formParam("role", "admin").when().post("/moderation/users/" + other.id)
                .then().statusCode(403);
        browsers.get("admin").get().formParam("role", "moderator").when().post("/moderation/users/" + other.id)
                .then().statusCode(303);
        browsers.get("admin").get().formParam("role", "volunteer").when().post("/moderation/users/" + admin.id)
                .then().statusCode(422).body(containsString("You cannot change your own role"));
    }

    @Test
    void shouldKeepPersonalPagesToTheirOwner() {
        for (String path : List.of("/dashboard", "/account", "/requests/new")) {
            browsers.get("anonymous").get().when().get(path).then().statusCode(303)
                    .header("Location", containsString("/login?next="));
            browsers.get("owner").get().when().get(path).then().statusCode(200);
        }
        browsers.get("owner").get().when().get("/dashboard").then().body(containsString(open.title));
        browsers.get("other").get().when().get("/dashboard").then().body(not(containsString(open.title)));
        browsers.get("other").get().when().get("/account").then().body(not(containsString(owner.email)));
    }

    @Test
    void shouldLetAVolunteerAdoptARequestOnlyOnceItsVolunteerHasLeft() {
        browsers.get("other").get().when().post("/requests/" + open.id + "/adopt").then().statusCode(303);
        browsers.get("other").get().formParam("date", "2026-11-03").formParam("direction", "note")
                .when().post("/requests/" + open.id + "/events").then().statusCode(403);
        browsers.get("admin").get().formParam("role", "volunteer").formParam("disabled", "true")
                .when().post("/moderation/users/" + owner.id).then().statusCode(303);
        browsers.get("other").get().when().get("/requests/" + open.id).then().body(containsString("Adopt this request"));
        browsers.get("other").get().when().post("/requests/" + open.id + "/adopt").then().statusCode(303);
        browsers.get("other").get().formParam("date", "2026-11-03").formParam("direction", "note")
                .when().post("/requests/" + open.id + "/events").then().statusCode(303);
        browsers.get("other").get().when().get("/requests/" + open.id).then()
                .body(containsString("PRIVATE-NOTE-" + open.id));
        browsers.get("moderator").get().when().get("/moderation/audit").then()
                .body(containsString("adopt <a href=\"/requests/" + open.id + "\">request " + open.id + "</a>"));
    }

    private static void check(String actor, boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(actor + ": wrong visibility of the " + what);
        }
    }
}
