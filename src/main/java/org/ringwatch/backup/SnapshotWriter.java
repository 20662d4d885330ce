package org.ringwatch.backup;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the database as one snapshot: every table of the public schema through {@code COPY … TO
 * STDOUT}, inside a single REPEATABLE READ transaction, so the files agree with one another (and
 * with the blob list) however busy the service is meanwhile. pg_dump would do the same, but the
 * embedded PostgreSQL comes without it, and a machine's own may be older than the server.
 */
final class SnapshotWriter {

    /** What the snapshot holds, besides its files. */
    record Snapshot(String schemaVersion, String nextXid, List<Manifest.Table> tables,
            List<Manifest.Sequence> sequences, List<Manifest.Blob> blobs) {
    }

    private SnapshotWriter() {
    }

    /** @param connection used for one read-only transaction, then handed back as it came */
    static Snapshot write(Connection connection, Path directory) throws SQLException, IOException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            String version = Catalog.schemaVersion(connection);
            if (version.isEmpty()) {
                throw new BackupException("The database holds no RingWatch schema (Flyway never ran on it): nothing to back up");
            }
            // The first id this snapshot does not see: every sync mark handed out so far is below it.
            String nextXid = Catalog.strings(connection, "SELECT CAST(pg_snapshot_xmax(pg_current_snapshot()) AS text)").get(0);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            List<Manifest.Table> tables = new ArrayList<>();
            for (String table : Catalog.tables(connection)) {
                tables.add(table(connection, copy, table, directory));
            }
            List<Manifest.Sequence> sequences = new ArrayList<>();
            for (String sequence : Catalog.sequences(connection)) {
                sequences.add(sequence(connection, sequence));
            }
            Snapshot snapshot = new Snapshot(version, nextXid, tables, sequences, blobs(connection));
            connection.commit();
            return snapshot;
        } finally {
            connection.rollback();   // after a failure; after the commit there is nothing left to end
            connection.setReadOnly(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(true);
        }
    }

    private static Manifest.Table table(Connection connection, CopyManager copy, String table, Path directory)
            throws SQLException, IOException {
        List<String> columns = Catalog.columns(connection, table);
        String file = BackupDirectory.DATABASE + "/" + table + ".copy.gz";
        Path target = directory.resolve(file);
        MessageDigest digest = BackupDirectory.digest();
        long rows;
        try (OutputStream out = new GZIPOutputStream(new DigestOutputStream(Files.newOutputStream(target), digest), 1 << 16)) {
            rows = copy.copyOut("COPY " + Catalog.qualified(table) + " (" + columnList(columns) + ") TO STDOUT", out);
        }
        return new Manifest.Table(table, columns, rows, file, Files.size(target), HexFormat.of().formatHex(digest.digest()));
    }

    static String columnList(List<String> columns) {
        return columns.stream().map(Catalog::quoted).collect(Collectors.joining(", "));
    }

    private static Manifest.Sequence sequence(Connection connection, String sequence) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT last_value, is_called FROM " + Catalog.qualified(sequence))) {
            row.next();
            return new Manifest.Sequence(sequence, row.getLong(1), row.getBoolean(2));
        }
    }

    /**
     * The blobs this snapshot refers to: the blob table lists every one a document or a dump may
     * point at (document/StoredBlob), so its rows, not the store's listing, say what to copy.
     */
    private static List<Manifest.Blob> blobs(Connection connection) throws SQLException {
        List<Manifest.Blob> blobs = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT trim(sha256), size_bytes FROM blob ORDER BY sha256")) {
            while (rows.next()) {
                blobs.add(new Manifest.Blob(rows.getString(1), rows.getLong(2), rows.getString(1)));
            }
        }
        return blobs;
    }
}
