package org.ringwatch.dump;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.ringwatch.document.BlobStore;
import org.ringwatch.platform.Today;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the day's dump, once. Instances take turns through a PostgreSQL advisory lock: a second
 * request for the same day (the daily job on another instance, an admin's button) waits for the
 * first and gets its dump. Every table is read in one read-only REPEATABLE READ transaction, so
 * the dump is one consistent snapshot and its foreign keys resolve while others keep writing.
 * The files are written to temporary files, stored as blobs, and only then recorded: a failure
 * at any point lists nothing.
 */
@ApplicationScoped
public class DumpMaker {

    private static final Logger LOG = Logger.getLogger(DumpMaker.class);

    /** The advisory lock's key, the same on every instance: "RWDUMP" in ASCII. */
    private static final long LOCK = 0x525744554D50L;

    /** What a request to make a dump got: the dump, and whether this request made it. */
    public record Made(Dump dump, boolean created) {
    }

    private final AgroalDataSource dataSource;
    private final BlobStore blobs;
    private final Today today;

    public DumpMaker(AgroalDataSource dataSource, BlobStore blobs, Today today) {
        this.dataSource = dataSource;
        this.blobs = blobs;
        this.today = today;
    }

    /** Today's dump: the existing one, or one made now. Not inside a transaction: it manages its own. */
    public Made today() {
        return make(today.date());
    }

    Made make(LocalDate day) {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try {
                try (PreparedStatement take = lock.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    take.setLong(1, LOCK);
                    take.execute();
                }
                Optional<Dump> existing = QuarkusTransaction.requiringNew().call(() -> Dump.on(day));
                if (existing.isPresent()) {
                    return new Made(existing.get(), false);
                }
                return new Made(makeNew(day), true);
            } finally {
                lock.rollback();   // releases the lock; nothing was written on this connection
                lock.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The dump of " + day + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("The dump of " + day + " failed: " + e.getMessage(), e);
        }
    }

    private Dump makeNew(LocalDate day) throws IOException, SQLException {
        Instant started = Instant.now();
        Path tables = Files.createTempFile("ringwatch-dump-", ".zip");
        Path pages = Files.createTempFile("ringwatch-pages-", ".zip");
        try {
            Map<String, Long> rows = new LinkedHashMap<>();
            try (Connection snapshot = dataSource.getConnection()) {
                snapshot.setAutoCommit(false);
                try {
                    try (Statement begin = snapshot.createStatement()) {
                        begin.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    }
                    rows.putAll(DumpFiles.tables(snapshot, day, started, tables));
                    rows.putAll(DumpFiles.pages(snapshot, day, started, pages));
                } finally {
                    snapshot.rollback();
                    snapshot.setAutoCommit(true);
                }
            }
            BlobStore.Stored tablesBlob = blobs.put(tables);
            BlobStore.Stored pagesBlob = blobs.put(pages);
            long took = Duration.between(started, Instant.now()).toMillis();
            Dump dump = QuarkusTransaction.requiringNew().call(() ->
                    Dump.record(day, started, tablesBlob, pagesBlob, rows, took));
            LOG.infof("Dump of %s made in %d ms: %d bytes, %d bytes of page texts", day, took, dump.sizeBytes,
                    dump.pagesSizeBytes);
            return dump;
        } finally {
            Files.deleteIfExists(tables);
            Files.deleteIfExists(pages);
        }
    }
}
