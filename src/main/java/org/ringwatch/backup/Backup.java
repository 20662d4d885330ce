package org.ringwatch.backup;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringwatch.document.BlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * {@code backup DIR}: the database's snapshot, then the blobs it refers to, then the manifest
 * (written last, so a backup that stopped half-way is recognisably unfinished). Against an
 * external database this runs beside a serving RingWatch; the embedded one must be stopped first,
 * since its cluster belongs to one process at a time.
 */
@ApplicationScoped
public class Backup {

    private final AgroalDataSource dataSource;
    private final BlobStore blobs;
    private final String appVersion;

    public Backup(AgroalDataSource dataSource, BlobStore blobs,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String appVersion) {
        this.dataSource = dataSource;
        this.blobs = blobs;
        this.appVersion = appVersion;
    }

    /** @return the line that says what was written */
    public String run(Path directory) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SnapshotWriter.Snapshot snapshot;
        try {
            BackupDirectory.create(directory);
            try (Connection connection = dataSource.getConnection()) {
                if (RestoreMarker.present(connection)) {
                    throw RestoreMarker.halfRestored();
                }
                snapshot = SnapshotWriter.write(connection, directory);
            }
            long bytes = 0;
            for (Manifest.Blob blob : snapshot.blobs()) {
                copy(blob, directory);
                bytes += blob.size();
            }
            new Manifest(Manifest.FORMAT, appVersion, at.toString(), snapshot.schemaVersion(), snapshot.nextXid(),
                    snapshot.tables(), snapshot.sequences(), snapshot.blobs()).write(directory);
            long rows = snapshot.tables().stream().mapToLong(Manifest.Table::rows).sum();
            return "Backup written to " + directory.toAbsolutePath() + ": schema version " + snapshot.schemaVersion()
                    + ", " + snapshot.tables().size() + " tables (" + rows + " rows), " + snapshot.blobs().size()
                    + " blobs (" + bytes + " bytes)";
        } catch (SQLException e) {
            throw new BackupException("The database could not be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException("The backup could not be written to " + directory.toAbsolutePath() + ": " + e, e);
        }
    }

    /** Copies one blob out of the store, checking on the way that the store still holds what it was given. */
    private void copy(Manifest.Blob blob, Path directory) throws IOException {
        MessageDigest digest = BackupDirectory.digest();
        Path target = BackupDirectory.blobFile(directory, blob.key());
        long size;
        try (InputStream in = blobs.open(blob.key(), 0);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            size = in.transferTo(out);
        } catch (IOException e) {
            throw new BackupException("The blob " + blob.key() + " the database refers to cannot be read from the store ("
                    + e + "). If a service sweeping the same store just removed it, run the backup again", e);
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        if (size != blob.size() || !sha256.equals(blob.sha256())) {
            throw new BackupException("The blob " + blob.key() + " in the store is damaged: it reads " + size
                    + " bytes with SHA-256 " + sha256 + "; the database says " + blob.size() + " bytes");
        }
    }
}
