package org.ringwatch.pagecache;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ringwatch.account.Fixtures;
import org.ringwatch.account.Role;
import org.ringwatch.account.SessionCookies;
import org.ringwatch.browse.TownFixtures;
import org.ringwatch.browse.TownFixtures.Town;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class PageCacheTest {

    @Inject
    TownFixtures towns;

    @Inject
    Fixtures fixtures;

    @Inject
    @PersistenceUnitExtension
    CommittedWrites writes;

    @Inject
    DataVersion version;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void shouldServeAnUnchangedPageFromMemoryWithItsETagAndAnswer304() {
        Town town = towns.town("Cachefield", 1200);
        towns.agency(town, "Cachefield");
        Response first = given().when().get(town.path()).then().statusCode(200)
                .header("Cache-Control", "no-cache").header("Vary", containsString("Cookie"))
                .contentType("text/html;charset=UTF-8").extract().response();
        String etag = first.header("ETag");
        assertNotNull(etag);

        Response second = given().when().get(town.path()).then().statusCode(200).extract().response();
        assertEquals(etag, second.header("ETag"));
        assertEquals(first.asString(), second.asString());

        given().header("If-None-Match", etag).when().get(town.path())
                .then().statusCode(304).header("ETag", etag).body(emptyString());
        given().header("If-None-Match", "\"other\", W/" + etag).when().get(town.path()).then().statusCode(304);
        given().header("If-None-Match", "\"other\"").when().get(town.path()).then().statusCode(200);
    }

    @Test
    void shouldServeThePageFromMemoryUntilPostgreSQLReportsAChange() throws Exception {
        Town town = towns.town("Memoryville", 800);
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = c.createStatement()) {
            // A change that notifies nobody (triggers off, as a restore runs): the page in memory stays.
            statement.execute("SET session_replication_role = replica");
            assertTrue(servedFromMemoryThroughASilentChange(c, town),
                    "another writer's notification arrived in every one of 10 tries");
            // The notification any commit sends: the page is rendered afresh.
            statement.execute("NOTIFY " + DataVersion.CHANNEL);
        }
        awaitPage(town, "Quietly Renamed");
    }

    /**
     * Renames the town silently and asks for its page; true once that happened with no notification
     * from anyone in between. Other tests' background work (a document job finishing) notifies too,
     * and rightly empties the pages in memory, so such a try proves nothing and is made again.
     */
    private boolean servedFromMemoryThroughASilentChange(Connection silent, Town town) throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            if (attempt > 0) {   // the name back, and heard: the page shows it again
                rename(silent, town, town.name());
                try (Statement notify = silent.createStatement()) {
                    notify.execute("NOTIFY " + DataVersion.CHANNEL);
                }
                awaitPage(town, town.name());
            }
            long before = version.current();
            given().when().get(town.path()).then().statusCode(200).body(containsString(town.name()));
            rename(silent, town, "Quietly Renamed");
            String body = given().when().get(town.path()).then().statusCode(200).extract().asString();
            if (version.current() == before) {
                assertTrue(body.contains(town.name()) && !body.contains("Quietly Renamed"),
                        "a silent change showed before any notification");
                return true;
            }
        }
        return false;
    }

    @Test
    void shouldShowThisInstancesOwnWriteOnTheVeryNextRequest() {
        Town town = towns.town("Freshville", 900);
        towns.agency(town, "Freshville");
        String before = given().when().get(town.path()).then().statusCode(200).extract().header("ETag");
        assertEquals(before, given().when().get(town.path()).then().extract().header("ETag"));

        towns.agency(town, "Second Freshville");   // committed through Hibernate in this JVM

        Response after = given().when().get(town.path()).then().statusCode(200)
                .body(containsString("Second Freshville")).extract().response();
        assertNotEquals(before, after.header("ETag"));
    }

    @Test
    void shouldHearOfAChangeMadeOutsideThisInstance() throws Exception {
        Town town = towns.town("Elsewhere", 300);
        towns.agency(town, "Elsewhere");
        given().when().get(town.path()).then().statusCode(200).body(not(containsString("Renamed Elsewhere")));

        // As another instance would: its own connection, not this instance's Hibernate.
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            rename(c, town, "Renamed Elsewhere");
        }
        awaitPage(town, "Renamed Elsewhere");
    }

    @Test
    void shouldNeverServeASignedInVisitorsPageToAnyoneElse() {
        Town town = towns.town("Privacyton", 500);
        towns.agency(town, "Privacyton");
        var account = fixtures.account(Role.VOLUNTEER);
        given().when().get(town.path()).then().statusCode(200);   // kept for everyone

        given().cookie(SessionCookies.NAME, fixtures.session(account)).when().get(town.path())
                .then().statusCode(200).header("ETag", nullValue()).header("Cache-Control", "private, no-store")
                .body(containsString(account.displayName), containsString("Sign out"));
        given().when().get(town.path()).then().statusCode(200)
                .body(not(containsString(account.displayName)), not(containsString("Sign out")));
    }

    @Test
    void shouldShowAWaitingMessageOnlyToItsVisitor() {
        Town town = towns.town("Flashburg", 700);
        given().when().get(town.path()).then().statusCode(200);
        given().cookie("rw_flash", "Request+filed.").when().get(town.path())
                .then().statusCode(200).header("ETag", nullValue()).body(containsString("Request filed."));
        given().when().get(town.path()).then().statusCode(200).body(not(containsString("Request filed.")));
    }

    @Test
    void shouldNotKeepPagesThatAreNotMarkedPublic() {
        given().when().get("/login").then().statusCode(200).header("ETag", nullValue())
                .header("Set-Cookie", containsString("rw_csrf="));
        given().when().get("/search").then().header("ETag", nullValue());
    }

    @Test
    void shouldNotifyOnEveryTableButThoseNoPublicPageShows() throws SQLException {
        Set<String> silent = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
                        AND NOT EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                                         WHERE t.tgrelid = c.oid AND p.proname = 'data_changed')""")) {
            while (rows.next()) {
                silent.add(rows.getString(1));
            }
        }
        // A new table that a public page shows needs the trigger (a migration like V17's loop).
        assertEquals(new TreeSet<>(Set.of("api_token", "audit_log", "flyway_schema_history", "invitation", "job",
                "login_throttle", "seed_file", "setup_token")), silent);
    }

    @Test
    void shouldCountEveryWriteToAShownTableAsAChange() {
        assertTrue(writes.changesPublicData("INSERT INTO agency (name) VALUES (?)"));
        assertTrue(writes.changesPublicData("update records_request set status=? where id=?"));
        assertTrue(writes.changesPublicData("  delete from \"agreement_clause\" where id=?"));
        assertTrue(writes.changesPublicData("WITH moved AS (UPDATE agency SET city_id = 1 RETURNING id) SELECT 1"));
        assertFalse(writes.changesPublicData("select a.id from agency a"));
        assertFalse(writes.changesPublicData("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)"));
        assertFalse(writes.changesPublicData("update job set state = 'running' where id = ?"));
        assertFalse(writes.changesPublicData("insert into audit_log (action) values (?)"));
    }

    private static void rename(Connection c, Town town, String name) throws SQLException {
        try (PreparedStatement rename = c.prepareStatement("UPDATE jurisdiction SET name = ? WHERE id = ?")) {
            rename.setString(1, name);
            rename.setLong(2, town.id());
            assertEquals(1, rename.executeUpdate());
        }
    }

    /** The page as soon as it shows {@code expected}: a notification takes a moment to arrive. */
    private static void awaitPage(Town town, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String body = given().when().get(town.path()).then().statusCode(200).extract().asString();
        while (!body.contains(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            body = given().when().get(town.path()).then().statusCode(200).extract().asString();
        }
        assertTrue(body.contains(expected), "the notification never reached the page cache");
    }
}
