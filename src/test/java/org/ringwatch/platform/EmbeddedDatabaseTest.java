package org.ringwatch.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server {@code java -jar} runs on: durable, kept between runs, restarted, refused when another holds it. */
class EmbeddedDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void shouldKeepItsDataAcrossARestart() throws SQLException {
        Path cluster = directory.resolve("postgres");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(cluster, true)) {
            execute(first, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(cluster, true);
             Connection connection = connect(second);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT value FROM kept")) {
            result.next();
            assertEquals("still here", result.getString(1));
        }
    }

    @Test
    void shouldFlushEveryCommitToDiskWhenItKeepsItsData() throws SQLException {
        try (EmbeddedDatabase kept = EmbeddedDatabase.start(directory.resolve("kept"), true);
             EmbeddedDatabase scratch = EmbeddedDatabase.start(directory.resolve("scratch"), false)) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertEquals("on", show(kept, setting), setting);
            }
            assertEquals("off", show(scratch, "fsync"), "a throw-away test cluster skips the flushes");
        }
    }

    /** The watchdog brings a killed server back where the pool's URL points, with its data. */
    @Test
    void shouldStartAgainOnTheSameDataAndPortWhenItsServerIsKilled() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory.resolve("postgres"), true)) {
            execute(database, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('acknowledged')");
            database.supervise();
            ProcessHandle killed = ProcessHandle.of(database.postmasterPid()).orElseThrow();
            killed.destroyForcibly();
            killed.onExit().join();

            Instant deadline = Instant.now().plusSeconds(15);
            while (true) {
                try (Connection connection = connect(database);
                     Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("SELECT value FROM kept")) {
                    result.next();
                    assertEquals("acknowledged", result.getString(1));
                    break;
                } catch (SQLException e) {
                    assertTrue(Instant.now().isBefore(deadline), "serving again within 15 s: " + e.getMessage());
                    Thread.sleep(100);
                }
            }
            // The server answers before pg_ctl, which started it, has returned to the watchdog.
            while (database.postmasterPid() == killed.pid() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertNotEquals(killed.pid(), database.postmasterPid());
            assertEquals("on", show(database, "synchronous_commit"), "restarted with the options it had");
        }
    }

    @Test
    void shouldRefuseADataDirectoryAnotherServerHoldsWithAClearMessage() {
        Path cluster = directory.resolve("postgres");
        try (EmbeddedDatabase running = EmbeddedDatabase.start(cluster, true)) {
            EmbeddedDatabase.EmbeddedDatabaseException e = assertThrows(EmbeddedDatabase.EmbeddedDatabaseException.class,
                    () -> EmbeddedDatabase.start(cluster, true));
            assertThat(e.getMessage(), containsString("is in use by process"));
            assertThat(e.getMessage(), containsString("ringwatch.data-dir"));
        }
    }

    @Test
    void shouldFailWithOneClearMessageWhenTheDirectoryCannotBeCreated() throws Exception {
        Path file = directory.resolve("a-file");
        java.nio.file.Files.writeString(file, "not a directory");
        EmbeddedDatabase.EmbeddedDatabaseException e = assertThrows(EmbeddedDatabase.EmbeddedDatabaseException.class,
                () -> EmbeddedDatabase.start(file.resolve("postgres"), true));
        assertThat(e.getMessage(), containsString("The embedded PostgreSQL could not start in"));
        assertThat(e.getMessage(), containsString("QUARKUS_DATASOURCE_JDBC_URL"));
    }

    private static String show(EmbeddedDatabase database, String setting) throws SQLException {
        try (Connection connection = connect(database);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void execute(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        Map<String, String> properties = database.datasourceProperties();
        return DriverManager.getConnection(properties.get("quarkus.datasource.jdbc.url"),
                properties.get("quarkus.datasource.username"), properties.get("quarkus.datasource.password"));
    }
}
