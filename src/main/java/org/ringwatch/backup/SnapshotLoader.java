package org.ringwatch.backup;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Loads a snapshot into a database Flyway has just brought to the backup's schema version: one
 * transaction empties every table (the migrations insert a few rows of their own), copies the
 * backup's rows in and sets every sequence where it was.
 */
final class SnapshotLoader {

    /** Transaction ids used up per statement while catching up (about 0.8 s each). */
    private static final long XIDS_PER_STATEMENT = 100_000;

    private SnapshotLoader() {
    }

    static void load(Connection connection, Path directory, Manifest manifest) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            replicaRole(connection);
            Set<String> here = new HashSet<>(Catalog.tables(connection));
            Set<String> backedUp = manifest.tables().stream().map(Manifest.Table::name).collect(Collectors.toSet());
            if (!here.equals(backedUp)) {
                throw new BackupException("Schema version " + manifest.schemaVersion() + " has the tables " + here
                        + ", the backup " + backedUp + ": it was not made by a RingWatch with these migrations");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE " + manifest.tables().stream().map(t -> Catalog.qualified(t.name()))
                        .collect(Collectors.joining(", ")));
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Manifest.Table table : manifest.tables()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(directory.resolve(table.file())), 1 << 16)) {
                    long rows = copy.copyIn("COPY " + Catalog.qualified(table.name()) + " ("
                            + SnapshotWriter.columnList(table.columns()) + ") FROM STDIN", in);
                    if (rows != table.rows()) {
                        throw new BackupException("Table " + table.name() + " took " + rows + " rows, the manifest says "
                                + table.rows());
                    }
                }
            }
            try (PreparedStatement setval = connection.prepareStatement("SELECT setval(CAST(? AS regclass), ?, ?)")) {
                for (Manifest.Sequence sequence : manifest.sequences()) {
                    setval.setString(1, Catalog.qualified(sequence.name()));
                    setval.setLong(2, sequence.lastValue());
                    setval.setBoolean(3, sequence.isCalled());
                    setval.execute();
                }
            }
            connection.commit();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        catchUpTransactionIds(connection, Long.parseLong(manifest.nextXid()));
    }

    /**
     * Foreign keys and triggers stay quiet while the rows go in: the rows are already consistent,
     * and the triggers would stamp them with this transaction's id instead of their own.
     */
    private static void replicaRole(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL session_replication_role = replica");
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw new BackupException("A restore needs a superuser (it sets session_replication_role);"
                        + " connect as one with QUARKUS_DATASOURCE_USERNAME", e);
            }
            throw e;
        }
    }

    /**
     * The rows carry the ids of the transactions that changed them, and clients hold sync marks
     * (api/Watermark) up to the backup's next id. A fresh cluster starts far below: its changes
     * would look older than those marks and never reach those clients. So transaction ids are used
     * up here until the database hands out ids from the backup's next one on. PostgreSQL has no
     * way to set the counter in a running server (pg_resetwal is not in the embedded binaries and
     * cannot reach an external one), so each statement burns ids in subtransactions that each write
     * a row of a temporary table, about 130,000 a second.
     */
    static void catchUpTransactionIds(Connection connection, long nextXid) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE restore_xid (x int)");
            long current = currentXid(connection);
            while (current + 1 < nextXid) {
                long count = Math.min(XIDS_PER_STATEMENT, nextXid - current - 1);
                statement.execute("DO $$ BEGIN FOR i IN 1.." + count + " LOOP"
                        + " BEGIN INSERT INTO restore_xid VALUES (1); EXCEPTION WHEN OTHERS THEN RAISE; END;"
                        + " END LOOP; END $$");
                statement.execute("TRUNCATE restore_xid");
                current = currentXid(connection);
            }
            statement.execute("DROP TABLE restore_xid");
        }
    }

    /** Assigns this (autocommitted) statement an id and answers it. */
    private static long currentXid(Connection connection) throws SQLException {
        return Long.parseLong(Catalog.strings(connection, "SELECT CAST(pg_current_xact_id() AS text)").get(0));
    }
}
