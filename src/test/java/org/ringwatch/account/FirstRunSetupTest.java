package org.ringwatch.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first admin made in the browser through the link a start prints. Its own profile (and so
 * its own fresh database) with a public URL, which the printed link must use. Each test starts
 * with no admin (every admin made so far is made a moderator) and with the link a start would
 * print, read from the console as an operator would.
 */
@QuarkusTest
@TestProfile(FirstRunSetupTest.NoAdminYet.class)
@WithTestResource(EmbeddedPostgresResource.class)
class FirstRunSetupTest {

    public static class NoAdminYet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ringwatch.public-url", "https://ringwatch.example/");
        }
    }

    private static final Pattern PRINTED =
            Pattern.compile("No admin yet: open https://ringwatch\\.example/setup\\?token=([A-Za-z0-9_-]{43}) to create one");
    private static final String PASSWORD = "a first admin's long password";

    @Inject
    FirstRunSetup setup;

    @Inject
    FirstAdmin firstAdmin;

    @Inject
    Fixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    private final Console console = new Console();
    /** The token of the link the start printed. */
    private String token;

    @BeforeEach
    void startWithNoAdmin() throws SQLException {
        execute("UPDATE account SET role = 'moderator' WHERE role = 'admin'");
        Logger.getLogger(FirstRunSetup.class.getName()).addHandler(console);
        token = printedToken(setup.announce().orElseThrow());
        console.lines.clear();
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(FirstRunSetup.class.getName()).removeHandler(console);
    }

    @Test
    void shouldPrintOneLineWithAOneTimeLinkToThePublicUrl() {
        String line = setup.announce().orElseThrow();
        assertEquals(List.of(line), console.lines, "printed on the console, in one line");
        assertThat(line, PRINTED.matcher(line).matches(), equalTo(true));
        String fresh = printedToken(line);
        assertNotEquals(token, fresh, "each start prints a link of its own");
        given().when().get("/setup?token=" + fresh).then().statusCode(200)
                .header("Cache-Control", "no-store").body(containsString("Set up RingWatch"));
    }

    @Test
    void shouldMakeTheAdminThroughTheLinkOnceAndSignThemIn() {
        given().when().get("/setup?token=" + token).then().statusCode(200)
                .body(containsString("name=\"csrf-token\""), containsString("name=\"token\" value=\"" + token + "\""));
        String email = freshEmail();
        Response made = submit(token, email, "Ada Admin", PASSWORD, PASSWORD);
        made.then().statusCode(303).header("Location", endsWith("/moderation/invitations"));
        String session = made.getCookie(SessionCookies.NAME);
        given().redirects().follow(false).cookie(SessionCookies.NAME, session).when().get("/moderation/invitations")
                .then().statusCode(200);

        Account admin = Account.findByEmail(email).orElseThrow();
        assertEquals(Role.ADMIN.code(), admin.role);
        assertEquals("Ada Admin", admin.displayName);
        assertEquals(1, Account.count("role", Role.ADMIN.code()));

        submit(token, freshEmail(), "Second Try", PASSWORD, PASSWORD).then().statusCode(410)
                .body(containsString("has an admin already"));
        given().when().get("/setup?token=" + token).then().statusCode(410);
        assertEquals(1, Account.count("role", Role.ADMIN.code()));
        assertTrue(setup.announce().isEmpty(), "a start with an admin prints no link");
        assertEquals(List.of(), console.lines);
    }

    @Test
    void shouldAnswer404ForAMadeUpReplacedOrExpiredLink() throws SQLException {
        given().when().get("/setup?token=made-up").then().statusCode(404)
                .body(containsString("This setup link cannot be used"));
        given().when().get("/setup").then().statusCode(404);
        submit("made-up", freshEmail(), "Mallory", PASSWORD, PASSWORD).then().statusCode(404);

        String fresh = printedToken(setup.announce().orElseThrow());   // what a restart prints
        given().when().get("/setup?token=" + token).then().statusCode(404);
        submit(token, freshEmail(), "Old Link", PASSWORD, PASSWORD).then().statusCode(404);
        given().when().get("/setup?token=" + fresh).then().statusCode(200);

        execute("UPDATE setup_token SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL");
        given().when().get("/setup?token=" + fresh).then().statusCode(404);
        assertEquals(0, Account.count("role", Role.ADMIN.code()));
    }

    @Test
    void shouldAnswer410WhenAnAdminExists() {
        fixtures.account(Role.ADMIN);
        given().when().get("/setup?token=" + token).then().statusCode(410)
                .body(containsString("RingWatch has an admin already"), containsString("href=\"/login\""));
        given().when().get("/setup?token=made-up").then().statusCode(410);
        submit(token, freshEmail(), "Latecomer", PASSWORD, PASSWORD).then().statusCode(410);
        assertEquals(1, Account.count("role", Role.ADMIN.code()));
    }

    @Test
    void shouldShowTheFormAgainWithEachProblemAndWhatWasTypedButNoPassword() {
        String page = submit(token, "not an address", "", "short", "short").then().statusCode(422)
                .header("Cache-Control", "no-store").extract().asString();
        assertThat(page, containsString("Give an e-mail address such as name@example.org."));
        assertThat(page, containsString("Give the name other volunteers will see."));
        assertThat(page, containsString("Use at least 10 characters"));
        assertThat(page, containsString("value=\"not an address\""));
        assertThat(page, not(containsString("value=\"short\"")));

        String email = freshEmail();
        page = submit(token, email, "Grace Admin", PASSWORD, PASSWORD + " but different").then().statusCode(422)
                .extract().asString();
        assertThat(page, containsString("The two passwords differ."));
        assertThat(page, containsString("value=\"" + email + "\""));
        assertThat(page, containsString("value=\"Grace Admin\""));
        assertThat(page, not(containsString(PASSWORD)));

        page = submit(token, email, "Grace Admin", email, email).then().statusCode(422).extract().asString();
        assertThat(page, containsString("Do not use your e-mail address as your password."));

        assertEquals(0, Account.count("role", Role.ADMIN.code()));
        submit(token, email, "Grace Admin", PASSWORD, PASSWORD).then().statusCode(303);
    }

    @Test
    void shouldRefuseTheFormWithoutItsCsrfToken() {
        given().redirects().follow(false).formParam("token", token).formParam("email", freshEmail())
                .formParam("name", "Forger").formParam("password", PASSWORD).formParam("confirmation", PASSWORD)
                .when().post("/setup").then().statusCode(oneOf(400, 403))
                .body(containsString("arrived without the security token"));
        assertEquals(0, Account.count("role", Role.ADMIN.code()));
        given().when().get("/setup?token=" + token).then().statusCode(200);
    }

    @Test
    void shouldKeepOnlyTheTokensHash() throws SQLException {
        submit(token, freshEmail(), "Hash Check", PASSWORD, PASSWORD).then().statusCode(303);
        List<String> rows = rows("SELECT t::text FROM setup_token t");
        rows.addAll(rows("SELECT t::text FROM audit_log t"));
        assertFalse(rows.isEmpty());
        for (String row : rows) {
            assertThat(row, not(containsString(token)));
        }
        assertEquals(List.of(Secrets.sha256(token)), rows("SELECT token_hash FROM setup_token WHERE used_at IS NOT NULL"
                + " AND used_by = (SELECT id FROM account WHERE display_name = 'Hash Check')"));
    }

    @Test
    void shouldMakeOneAdminWhenTheLinkIsUsedSeveralTimesAtOnce() throws Exception {
        List<Response> answers = Fixtures.atOnce(4, i -> Fixtures.anonymousBrowser().formParam("token", token)
                .formParam("email", freshEmail()).formParam("name", "Racer " + i).formParam("password", PASSWORD)
                .formParam("confirmation", PASSWORD).when().post("/setup"));
        assertEquals(List.of(303, 410, 410, 410), answers.stream().map(Response::statusCode).sorted().toList());
        assertEquals(1, Account.count("role", Role.ADMIN.code()));
    }

    /** Two instances started together with RINGWATCH_ADMIN_* set each run the start-up's admin step. */
    @Test
    void shouldMakeOneAdminWhenTwoInstancesStartWithTheSameVariables() throws Exception {
        String email = freshEmail();
        List<Boolean> done = Fixtures.atOnce(2, i -> {
            firstAdmin.fromEnvironment(email, PASSWORD);
            return true;
        });
        assertEquals(List.of(true, true), done, "neither start failed");
        assertEquals(1, Account.count("role", Role.ADMIN.code()));
        assertEquals(Role.ADMIN.code(), Account.findByEmail(email).orElseThrow().role);
        given().when().get("/setup?token=" + token).then().statusCode(410);
    }

    private static Response submit(String token, String email, String name, String password, String confirmation) {
        return Fixtures.anonymousBrowser().formParam("token", token).formParam("email", email).formParam("name", name)
                .formParam("password", password).formParam("confirmation", confirmation).when().post("/setup");
    }

    private static String printedToken(String line) {
        Matcher matcher = PRINTED.matcher(line);
        assertTrue(matcher.matches(), line);
        return matcher.group(1);
    }

    private static String freshEmail() {
        return "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    /** What the service prints on its console, as the operator reads it. */
    private static final class Console extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
