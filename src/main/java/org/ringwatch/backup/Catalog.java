package org.ringwatch.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backup reads of PostgreSQL's catalog: the tables and sequences of the public schema and
 * the Flyway version, asked the same way by the backup and by the restore that must find the same.
 */
final class Catalog {

    /** Flyway's own table: not copied, Flyway writes it again when the restore migrates. */
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private Catalog() {
    }

    static List<String> tables(Connection connection) throws SQLException {
        return strings(connection, """
                SELECT c.relname FROM pg_class c
                 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> ?
                 ORDER BY c.relname
                """, FLYWAY_HISTORY);
    }

    /** The columns COPY moves, in table order; generated ones are left out (PostgreSQL computes them). */
    static List<String> columns(Connection connection, String table) throws SQLException {
        return strings(connection, """
                SELECT a.attname FROM pg_attribute a
                 WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                 ORDER BY a.attnum
                """, qualified(table));
    }

    static List<String> sequences(Connection connection) throws SQLException {
        return strings(connection, "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1");
    }

    /** Whether anything of ours, or anyone's, is in the public schema: a restore goes only into an empty one. */
    static boolean publicSchemaEmpty(Connection connection) throws SQLException {
        return strings(connection, """
                SELECT 'x' WHERE EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = 'public'::regnamespace)
                              OR EXISTS (SELECT 1 FROM pg_proc WHERE pronamespace = 'public'::regnamespace)
                """).isEmpty();
    }

    /** The version Flyway last applied; empty when Flyway never ran here. */
    static String schemaVersion(Connection connection) throws SQLException {
        if (strings(connection, "SELECT 'x' WHERE to_regclass(?) IS NOT NULL", qualified(FLYWAY_HISTORY)).isEmpty()) {
            return "";
        }
        List<String> versions = strings(connection, """
                SELECT version FROM public.flyway_schema_history
                 WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1
                """);
        return versions.isEmpty() ? "" : versions.get(0);
    }

    /** {@code public."name"}, for SQL text built from catalog names (never from input). */
    static String qualified(String name) {
        return "public." + quoted(name);
    }

    static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static List<String> strings(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
