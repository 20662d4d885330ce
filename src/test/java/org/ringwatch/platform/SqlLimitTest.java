package org.ringwatch.platform;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why a LIMIT is written into a statement (SqlLimit), shown on the real PostgreSQL, and that no
 * statement binds one.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SqlLimitTest {

    private static final String AGENCY_PAGE = "SELECT a.id FROM agency a ORDER BY a.state_code, a.slug";
    private static final int EXECUTIONS = 10;
    /** A LIMIT whose rows are a parameter, ":name" or "?"/"?1", not a number; not a constant such as ReviewQueue.LIMIT. */
    private static final Pattern BOUND_LIMIT = Pattern.compile("(?<![.\\w])LIMIT\\s+(:[A-Za-z]|\\?)");
    /** Full-text search plans every execution on purpose (its words decide the plan), LIMIT and OFFSET included. */
    private static final Path PLANNED_EVERY_TIME = Path.of("src/main/java/org/ringwatch/search/Search.java");

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void shouldBePlannedOnceWithTheNumberInTheTextButAtEveryExecutionWhenBound() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", "postgres");
        properties.setProperty("prepareThreshold", "1");   // a server-side statement from the first execution
        try (Connection c = DriverManager.getConnection(url, properties)) {
            try (PreparedStatement bound = c.prepareStatement(AGENCY_PAGE + " LIMIT ?")) {
                for (int i = 0; i < EXECUTIONS; i++) {
                    bound.setInt(1, 51);
                    drain(bound);
                }
                assertEquals(List.of(0L, (long) EXECUTIONS), plans(c, AGENCY_PAGE + " LIMIT $1"),
                        "generic and custom plans of a statement with its LIMIT bound");
            }
            try (PreparedStatement written = c.prepareStatement(AGENCY_PAGE + SqlLimit.rows(51))) {
                for (int i = 0; i < EXECUTIONS; i++) {
                    drain(written);
                }
                List<Long> plans = plans(c, AGENCY_PAGE + " LIMIT 51");
                assertTrue(plans.get(0) >= EXECUTIONS - 5 && plans.get(1) <= 5,
                        "generic and custom plans with the LIMIT in the text: " + plans);
            }
        }
    }

    @Test
    void shouldWriteTheNumberAndRefuseANegativeOne() {
        assertEquals(" LIMIT 201", SqlLimit.rows(201));
        assertThrows(IllegalArgumentException.class, () -> SqlLimit.rows(-1));
    }

    @Test
    void shouldNeverBindALimitOutsideSearch() throws IOException {
        List<String> bound = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (source.equals(PLANNED_EVERY_TIME)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher limit = BOUND_LIMIT.matcher(lines.get(i));
                    if (limit.find()) {
                        bound.add(source + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), bound, "LIMIT bound as a parameter (use SqlLimit.rows)");
    }

    private static void drain(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rows.getLong(1);
            }
        }
    }

    /** How many generic and custom plans PostgreSQL has made for this session's statement {@code sql}. */
    private static List<Long> plans(Connection c, String sql) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = ?")) {
            query.setString(1, sql);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no prepared statement " + sql);
                return List.of(row.getLong(1), row.getLong(2));
            }
        }
    }
}
