package org.ringwatch.backup;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.FlywayException;
import org.ringwatch.document.BlobStore;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * {@code restore DIR}, in two steps. {@link #prepare} runs at start-up, before any other start-up
 * work reads the database: it refuses a database that is not empty, marks it as being restored,
 * and has Flyway bring it to the backup's schema version (not this RingWatch's newest: the next
 * ordinary start migrates from there, as it would have on the old server). {@link #apply} then
 * loads the blobs and the rows and removes the mark. The backup was verified whole (every SHA-256)
 * before the database was touched at all (app/RingWatchMain).
 */
@ApplicationScoped
public class Restore {

    private final AgroalDataSource dataSource;
    private final BlobStore blobs;
    private final Flyway flyway;
    private Manifest manifest;
    private BackupException refused;

    public Restore(AgroalDataSource dataSource, BlobStore blobs, Flyway flyway) {
        this.dataSource = dataSource;
        this.blobs = blobs;
        this.flyway = flyway;
    }

    /**
     * Readies the database for {@code directory}'s backup. A refusal is kept for {@link #apply} to
     * report, so the command ends with its one line rather than a failed start.
     */
    void prepare(Path directory) {
        try {
            Manifest read = Manifest.read(directory);
            MigrationVersion version = known(read);
            try (Connection connection = dataSource.getConnection()) {
                if (RestoreMarker.present(connection)) {
                    throw RestoreMarker.halfRestored();
                }
                if (!Catalog.publicSchemaEmpty(connection)) {
                    throw new BackupException("The database is not empty: a restore goes only into a database whose"
                            + " public schema is empty (point QUARKUS_DATASOURCE_JDBC_URL at a new database)");
                }
                RestoreMarker.set(connection);
            }
            Flyway.configure().configuration(flyway.getConfiguration()).target(version).load().migrate();
            manifest = read;
        } catch (BackupException e) {
            refused = e;
        } catch (SQLException | FlywayException e) {
            refused = new BackupException("The database could not be prepared for the restore: " + e.getMessage(), e);
        }
    }

    /** @return the line that says what was restored */
    public String apply(Path directory) {
        if (refused != null) {
            throw refused;
        }
        if (manifest == null) {
            throw new IllegalStateException("restore was not prepared at start-up");
        }
        try {
            // First the files, then the rows that refer to them: if this stops half-way, the store holds a few
            // files nothing refers to, which the sweeper removes.
            for (Manifest.Blob blob : manifest.blobs()) {
                BlobStore.Stored stored = blobs.put(BackupDirectory.blobFile(directory, blob.key()));
                if (!stored.sha256().equals(blob.sha256())) {
                    throw new BackupException("The blob " + blob.key() + " changed in the backup since it was verified"
                            + " (it now reads " + stored.sha256() + ")");
                }
            }
            try (Connection connection = dataSource.getConnection()) {
                SnapshotLoader.load(connection, directory, manifest);
                RestoreMarker.clear(connection);
            }
        } catch (SQLException e) {
            throw new BackupException("The restore failed in the database: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException("The restore failed: " + e, e);
        }
        long rows = manifest.tables().stream().mapToLong(Manifest.Table::rows).sum();
        return "Restored " + directory.toAbsolutePath() + " (made " + manifest.createdAt() + " by RingWatch "
                + manifest.appVersion() + "): schema version " + manifest.schemaVersion() + ", "
                + manifest.tables().size() + " tables (" + rows + " rows), " + manifest.blobs().size() + " blobs";
    }

    /** The backup's schema version, if this RingWatch has a migration for it. */
    private MigrationVersion known(Manifest read) {
        MigrationVersion version = MigrationVersion.fromVersion(read.schemaVersion());
        boolean known = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion)
                .anyMatch(version::equals);
        if (!known) {
            throw new BackupException("The backup is at schema version " + read.schemaVersion() + ", which this"
                    + " RingWatch does not know: restore it with RingWatch " + read.appVersion() + " or later");
        }
        return version;
    }
}
