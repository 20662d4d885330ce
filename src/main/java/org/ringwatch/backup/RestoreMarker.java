package org.ringwatch.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A schema that exists only while a restore is under way. An external database cannot be swapped
 * in at the end the way the embedded cluster's directory is, so a restore that dies half-way
 * leaves this behind, and the service refuses to start on it rather than serve half the data.
 */
final class RestoreMarker {

    static final String SCHEMA = "ringwatch_restore_incomplete";

    private RestoreMarker() {
    }

    static boolean present(Connection connection) throws SQLException {
        return !Catalog.strings(connection, "SELECT nspname FROM pg_namespace WHERE nspname = ?", SCHEMA).isEmpty();
    }

    static void set(Connection connection) throws SQLException {
        execute(connection, "CREATE SCHEMA " + SCHEMA);
    }

    static void clear(Connection connection) throws SQLException {
        execute(connection, "DROP SCHEMA " + SCHEMA);
    }

    /** What the service and the backup say when they find the marker. */
    static BackupException halfRestored() {
        return new BackupException("A restore into this database did not finish (the schema " + SCHEMA
                + " marks it). Empty the database (DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA "
                + SCHEMA + ") and run restore again");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
