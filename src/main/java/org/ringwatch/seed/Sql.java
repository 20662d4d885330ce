package org.ringwatch.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The few JDBC moves the seed tables repeat: bind in order, read one id back. */
final class Sql {

    private Sql() {
    }

    static PreparedStatement bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        return statement;
    }

    /** Runs a query whose first column is a bigint, returning the first row's value. */
    static Optional<Long> queryId(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = bind(connection.prepareStatement(sql), values);
             ResultSet result = statement.executeQuery()) {
            return result.next() ? Optional.of(result.getLong(1)) : Optional.empty();
        }
    }

    static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = bind(connection.prepareStatement(sql), values)) {
            return statement.executeUpdate();
        }
    }

    /**
     * The slug itself, or with "-2", "-3"… when another row of the state already has it: two
     * names can fold to one slug ("St. Louis", "St Louis").
     *
     * @param table "agency" or "jurisdiction", never user input
     */
    static String freeSlug(Connection connection, String table, String state, String slug) throws SQLException {
        if (!table.equals("agency") && !table.equals("jurisdiction")) {
            throw new IllegalArgumentException(table);
        }
        String sql = "SELECT id FROM " + table + " WHERE state_code = ? AND slug = ?";
        String candidate = slug;
        for (int n = 2; queryId(connection, sql, state, candidate).isPresent(); n++) {
            candidate = slug + "-" + n;
        }
        return candidate;
    }

    /**
     * Finds a source by its address and title, adding it the first time: every fact the seed
     * writes points at one.
     */
    static long source(Connection connection, String url, String title, String publisher, String licence,
            String retrieved) throws SQLException {
        update(connection, """
                INSERT INTO source (url, title, publisher, licence, retrieved) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (url, title) DO UPDATE
                   SET publisher = EXCLUDED.publisher, licence = EXCLUDED.licence, retrieved = EXCLUDED.retrieved
                 WHERE (source.publisher, source.licence, source.retrieved)
                       IS DISTINCT FROM (EXCLUDED.publisher, EXCLUDED.licence, EXCLUDED.retrieved)
                """, url, title, publisher, licence, retrieved);
        return queryId(connection, "SELECT id FROM source WHERE url IS NOT DISTINCT FROM ? AND title = ?", url, title)
                .orElseThrow();
    }
}
