package org.ringwatch.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AccountFlowTest {

    @Inject
    Fixtures fixtures;

    @Inject
    AccountService accounts;

    @Inject
    AgroalDataSource dataSource;

    /** Every test signs in from 127.0.0.1: clear the address's failures so throttling tests do not leak. */
    @AfterEach
    void forgetFailures() throws SQLException {
        execute("DELETE FROM login_throttle");
    }

    @Test
    void shouldSignInWithTheFormAndSignOutEverywhere() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        Response login = Fixtures.anonymousBrowser().formParam("email", volunteer.email.toUpperCase())
                .formParam("password", Fixtures.PASSWORD).formParam("next", "/requests")
                .when().post("/login").then().statusCode(303).header("Location", containsString("/requests"))
                .extract().response();
        String session = login.getCookie(SessionCookies.NAME);
        String setCookie = login.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionCookies.NAME)).findFirst().orElseThrow();
        assertThat(setCookie, containsString("HttpOnly"));
        assertThat(setCookie, containsString("SameSite=Strict"));

        given().redirects().follow(false).cookie(SessionCookies.NAME, session).when().get("/dashboard")
                .then().statusCode(200).body(containsString("Your requests"));
        Fixtures.anonymousBrowser().cookie(SessionCookies.NAME, session).when().post("/logout")
                .then().statusCode(303);
        given().redirects().follow(false).cookie(SessionCookies.NAME, session).when().get("/dashboard")
                .then().statusCode(303).header("Location", containsString("/login?next="));
    }

    @Test
    void shouldNotRedirectOffSiteAfterSignIn() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        for (String next : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example"}) {
            Fixtures.anonymousBrowser().formParam("email", volunteer.email).formParam("password", Fixtures.PASSWORD)
                    .formParam("next", next).when().post("/login")
                    .then().statusCode(303).header("Location", not(containsString("evil")));
        }
    }

    @Test
    void shouldGiveTheSameAnswerForAnUnknownAddressAWrongPasswordAndADisabledAccount() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        Account disabled = fixtures.account(Role.VOLUNTEER);
        Account admin = fixtures.account(Role.ADMIN);
        fixtures.browser(admin).formParam("role", "volunteer").formParam("disabled", "true")
                .when().post("/moderation/users/" + disabled.id).then().statusCode(303);
        String unknown = failedSignIn("nobody-" + volunteer.id + "@example.org", Fixtures.PASSWORD);
        String wrong = failedSignIn(volunteer.email, "not the password at all");
        String off = failedSignIn(disabled.email, Fixtures.PASSWORD);
        for (String page : new String[] {unknown, wrong, off}) {
            assertThat(page, containsString("<p class=\"problem\" role=\"alert\">" + SignIn.FAILED + "</p>"));
        }

        given().contentType("application/json").body("{\"email\": \"nobody@example.org\", \"password\": \"whatever12\"}")
                .when().post("/api/v1/tokens").then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo(SignIn.FAILED));
        given().contentType("application/json").body("{\"email\": \"" + volunteer.email + "\", \"password\": \"wrong\"}")
                .when().post("/api/v1/tokens").then().statusCode(401).body("detail", equalTo(SignIn.FAILED));
    }

    @Test
    void shouldMakeAnAddressWaitAfterFiveFailuresAtOneAccountOnTheFormAndTheApi() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS_AND_ACCOUNT; i++) {
            failedSignIn(volunteer.email, "wrong password " + i);
        }
        Fixtures.anonymousBrowser().formParam("email", volunteer.email).formParam("password", Fixtures.PASSWORD)
                .when().post("/login").then().statusCode(429).header("Retry-After", notNullValue())
                .body(containsString("Too many failed sign-ins"));
        given().contentType("application/json")
                .body("{\"email\": \"" + volunteer.email + "\", \"password\": \"" + Fixtures.PASSWORD + "\"}")
                .when().post("/api/v1/tokens").then().statusCode(429).header("Retry-After", notNullValue())
                .contentType("application/problem+json");
    }

    @Test
    void shouldThrottleAnAddressAfterTwentyFailuresAcrossAccounts() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            failedSignIn("spray-" + i + "@example.org", "guess number " + i);
        }
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        Fixtures.anonymousBrowser().formParam("email", volunteer.email).formParam("password", Fixtures.PASSWORD)
                .when().post("/login").then().statusCode(429);
    }

    @Test
    void shouldLockOutADisabledAccountAtOnceOnPagesAndApi() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        Account admin = fixtures.account(Role.ADMIN);
        String token = fixtures.token(volunteer);
        var browser = fixtures.browser(volunteer);
        browser.when().get("/dashboard").then().statusCode(200);
        Fixtures.api(token).when().get("/api/v1/requests").then().statusCode(200);

        fixtures.browser(admin).formParam("role", "volunteer").formParam("disabled", "true")
                .when().post("/moderation/users/" + volunteer.id).then().statusCode(303);

        fixtures.browser(volunteer).when().get("/dashboard").then().statusCode(303)
                .header("Location", containsString("/login?next="));
        Fixtures.api(token).body("{}").when().post("/api/v1/requests").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldJoinByASingleUseInvitationWithPasswordRules() {
        Account moderator = fixtures.account(Role.MODERATOR);
        String email = "invitee-" + moderator.id + "@example.org";
        String page = fixtures.browser(moderator).formParam("email", email).formParam("role", "volunteer")
                .formParam("days", "7").when().post("/moderation/invitations")
                .then().statusCode(200).header("Cache-Control", containsString("no-store")).extract().asString();
        String link = page.replaceAll("(?s).*id=\"invitation-link\">[^<]*(/invitations/[^<]+)<.*", "$1");

        Fixtures.anonymousBrowser().formParam("name", "Ina Invitee").formParam("password", "short")
                .formParam("confirmation", "short").when().post(link)
                .then().statusCode(422).body(containsString("at least 10"), containsString("value=\"Ina Invitee\""));
        Fixtures.anonymousBrowser().formParam("name", "Ina Invitee").formParam("password", "a long enough secret")
                .formParam("confirmation", "a different secret").when().post(link)
                .then().statusCode(422).body(containsString("The two passwords differ."));
        Fixtures.anonymousBrowser().formParam("name", "Ina Invitee").formParam("password", "a long enough secret")
                .formParam("confirmation", "a long enough secret").when().post(link)
                .then().statusCode(303).header("Location", containsString("/dashboard"))
                .cookie(SessionCookies.NAME, notNullValue());
        given().when().get(link).then().statusCode(404).body(containsString("cannot be used"));
        Fixtures.anonymousBrowser().formParam("name", "Again").formParam("password", "a long enough secret")
                .formParam("confirmation", "a long enough secret").when().post(link).then().statusCode(404);
        assertEquals("volunteer", Account.findByEmail(email).orElseThrow().role);
    }

    @Test
    void shouldMakeOneAccountWhenTenPeopleAcceptOneInvitationAtOnce() throws Exception {
        Invitation.Issued invitation = fixtures.invitation(fixtures.account(Role.MODERATOR));
        String link = "/invitations/" + invitation.token();
        List<Response> answers = Fixtures.atOnce(10, i -> Fixtures.anonymousBrowser().formParam("name", "Racer " + i)
                .formParam("password", "a long enough secret").formParam("confirmation", "a long enough secret")
                .when().post(link));
        assertEquals(List.of(303), answers.stream().map(Response::statusCode).filter(s -> s != 404).toList());
        String used = given().when().get(link).then().statusCode(404).extract().asString();
        for (Response refused : answers.stream().filter(r -> r.statusCode() == 404).toList()) {
            assertEquals(used, refused.asString(), "the same answer as a used invitation");
        }
        assertEquals(1, Account.count("email", invitation.invitation().email));
    }

    @Test
    void shouldMakeOneAccountWhenTwoInvitationsToOneAddressAreAcceptedAtOnce() throws Exception {
        Account moderator = fixtures.account(Role.MODERATOR);
        Invitation.Issued first = fixtures.invitation(moderator);
        String email = first.invitation().email;
        Invitation.Issued second = accounts.invite(moderator, email, Role.VOLUNTEER.code(), 7).value();
        List<String> links = List.of("/invitations/" + first.token(), "/invitations/" + second.token());
        List<Response> answers = Fixtures.atOnce(2, i -> Fixtures.anonymousBrowser().formParam("name", "Twin " + i)
                .formParam("password", "a long enough secret").formParam("confirmation", "a long enough secret")
                .when().post(links.get(i)));
        assertEquals(List.of(303, 422), answers.stream().map(Response::statusCode).sorted().toList());
        assertThat(answers.stream().filter(r -> r.statusCode() == 422).findFirst().orElseThrow().asString(),
                containsString("exists already"));
        assertEquals(1, Account.count("email", email));
    }

    @Test
    void shouldRefuseExpiredRevokedAndMadeUpInvitationsAlike() throws SQLException {
        Account admin = fixtures.account(Role.ADMIN);
        String expired = invite(admin, "expired-" + admin.id + "@example.org");
        execute("UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE email = 'expired-" + admin.id
                + "@example.org'");
        String revoked = invite(admin, "revoked-" + admin.id + "@example.org");
        long id = Invitation.<Invitation>find("email", "revoked-" + admin.id + "@example.org").firstResult().id;
        fixtures.browser(admin).when().post("/moderation/invitations/" + id + "/revoke").then().statusCode(303);
        String made = "/invitations/" + "x".repeat(43);
        String expiredBody = given().when().get(expired).then().statusCode(404).extract().asString();
        assertEquals(expiredBody, given().when().get(revoked).then().statusCode(404).extract().asString());
        assertEquals(expiredBody, given().when().get(made).then().statusCode(404).extract().asString());
    }

    @Test
    void shouldLetNobodyInviteAboveTheirOwnRole() {
        Account moderator = fixtures.account(Role.MODERATOR);
        fixtures.browser(moderator).formParam("email", "boss-" + moderator.id + "@example.org").formParam("role", "admin")
                .formParam("days", "7").when().post("/moderation/invitations")
                .then().statusCode(422).body(containsString("You cannot invite someone as admin."));
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        fixtures.browser(volunteer).formParam("email", "x-" + volunteer.id + "@example.org").formParam("role", "volunteer")
                .formParam("days", "7").when().post("/moderation/invitations").then().statusCode(403);
    }

    @Test
    void shouldRequireATokenForApiWritesEvenWhenSignedIn() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        given().cookie(SessionCookies.NAME, fixtures.session(volunteer)).contentType("application/json").body("{\"agency\": \"IL/aurora-police-department\","
                        + " \"title\": \"t\", \"records\": \"r\"}")
                .when().post("/api/v1/requests").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("personal token"));
        Account moderator = fixtures.account(Role.MODERATOR);
        given().cookie(SessionCookies.NAME, fixtures.session(moderator)).when()
                .post("/api/v1/documents/1/publish").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer rw_not-a-real-token").contentType("application/json").body("{}")
                .when().post("/api/v1/requests").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void shouldShowANewTokenOnceAndRevokeIt() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        String page = fixtures.browser(volunteer).formParam("label", "my script").when().post("/account/tokens")
                .then().statusCode(200).header("Cache-Control", containsString("no-store")).extract().asString();
        String token = page.replaceAll("(?s).*id=\"new-token\">(rw_[A-Za-z0-9_-]+)<.*", "$1");
        Fixtures.api(token).when().get("/api/v1/requests").then().statusCode(200);
        fixtures.browser(volunteer).when().get("/account").then().body(not(containsString(token)));
        long id = ApiToken.<ApiToken>find("account.id = ?1 and label = 'my script'", volunteer.id).firstResult().id;
        fixtures.browser(volunteer).when().post("/account/tokens/" + id + "/revoke").then().statusCode(303);
        Fixtures.api(token).body("{}").when().post("/api/v1/requests").then().statusCode(401);
    }

    @Test
    void shouldRevokeApiTokensAndSignOutOtherDevicesButNotThisOneWhenThePasswordChanges() {
        Account volunteer = fixtures.account(Role.VOLUNTEER);
        String token = fixtures.token(volunteer);
        String otherDevice = fixtures.session(volunteer);
        fixtures.browser(volunteer).when().get("/account").then().statusCode(200)
                .body(containsString("revokes your API tokens"));

        Response changed = fixtures.browser(volunteer).formParam("current", Fixtures.PASSWORD)
                .formParam("password", "a brand new passphrase").formParam("confirmation", "a brand new passphrase")
                .when().post("/account/password").then().statusCode(303).header("Location", containsString("/account"))
                .extract().response();
        String thisDevice = changed.getCookie(SessionCookies.NAME);
        given().redirects().follow(false).cookie(SessionCookies.NAME, thisDevice)
                .cookie("rw_flash", changed.getCookie("rw_flash")).when().get("/account")
                .then().statusCode(200).body(containsString("Your API tokens were revoked"));
        given().redirects().follow(false).cookie(SessionCookies.NAME, otherDevice).when().get("/account")
                .then().statusCode(303).header("Location", containsString("/login?next="));
        Fixtures.api(token).body("{}").when().post("/api/v1/requests").then().statusCode(401);
    }

    private String invite(Account inviter, String email) {
        String page = fixtures.browser(inviter).formParam("email", email).formParam("role", "volunteer")
                .formParam("days", "7").when().post("/moderation/invitations").then().statusCode(200).extract().asString();
        return page.replaceAll("(?s).*id=\"invitation-link\">[^<]*(/invitations/[^<]+)<.*", "$1");
    }

    private static String failedSignIn(String email, String password) {
        return Fixtures.anonymousBrowser().formParam("email", email).formParam("password", password)
                .when().post("/login").then().statusCode(401).extract().asString();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
