package org.ringwatch.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.ringwatch.backup.BackupCommand;
import org.ringwatch.backup.BackupDirectory;
import org.ringwatch.backup.BackupException;
import org.ringwatch.backup.EmbeddedRestore;
import org.ringwatch.platform.EmbeddedDatabase;

import sun.misc.Signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Entry point of {@code java -jar}: brings up the embedded PostgreSQL when no external
 * database is configured, then runs Quarkus on it ({@link RingWatchApplication} says what the
 * process then does).
 *
 * <p>Quarkus reads its datasource URL at start, so the server must be listening before
 * {@link Quarkus#run} and must outlive it; that is why this is not a start-up observer.
 */
@QuarkusMain
public final class RingWatchMain {

    static final String EXTERNAL_URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";
    static final String EXTERNAL_URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String DATA_DIR_ENV = "RINGWATCH_DATA_DIR";
    static final String DATA_DIR_PROPERTY = "ringwatch.data-dir";

    private RingWatchMain() {
    }

    public static void main(String... args) {
        commandSettings(args);
        String refusal = BackupCommand.isOne(args) ? checkBackupCommand(args) : null;
        if (refusal != null) {
            fail(refusal);
            return;
        }
        if (externalDatabaseConfigured()) {
            run(args, null, null);
            return;
        }
        Path cluster = dataDirectory().resolve("postgres");
        Staged restored = null;
        if (args.length > 0 && args[0].equals(BackupCommand.RESTORE)) {
            try {
                restored = new Staged(EmbeddedRestore.stage(cluster), cluster);
            } catch (BackupException | UncheckedIOException e) {
                fail("Restore refused: " + e.getMessage());
                return;
            }
        }
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(restored != null ? restored.staging() : cluster, true);
        } catch (EmbeddedDatabase.DirectoryInUse e) {
            fail(BackupCommand.isOne(args) ? args[0] + " needs the embedded database to itself, and a RingWatch is"
                    + " using it: stop the service first. " + e.getMessage() : "RingWatch cannot start: " + e.getMessage());
            return;
        } catch (EmbeddedDatabase.EmbeddedDatabaseException e) {
            fail("RingWatch cannot start: " + e.getMessage());
            return;
        }
        database.supervise();
        database.datasourceProperties().forEach(System::setProperty);
        run(args, database, restored);
    }

    /** What a command changes of the service's settings before Quarkus reads them. */
    private static void commandSettings(String[] args) {
        if (args.length == 0) {
            return;
        }
        if (args[0].equals(RingWatchApplication.SEED_COMMAND) || BackupCommand.isOne(args)) {
            // The command loads the seed itself (forced); loading it at start as well is wasted work.
            System.setProperty("ringwatch.seed.on-start", "false");
            // Quarkus starts its HTTP servers regardless; keep them off the service's ports and off the network.
            System.setProperty("quarkus.http.port", "0");
            System.setProperty("quarkus.http.host", "127.0.0.1");
            // The management interface too: a service already running here holds port 9000.
            System.setProperty("quarkus.management.port", "0");
            System.setProperty("quarkus.management.host", "127.0.0.1");
        }
        if (BackupCommand.isOne(args)) {
            // No jobs, sweeps or dumps beside a backup or restore, and the one line they print is the output.
            System.setProperty("quarkus.scheduler.enabled", "false");
            System.setProperty("quarkus.banner.enabled", "false");
            System.setProperty("quarkus.log.level", "WARN");
        }
        if (args[0].equals(BackupCommand.RESTORE)) {
            // The restore migrates to the backup's schema version itself (backup/Restore), not to the newest.
            System.setProperty("quarkus.flyway.migrate-at-start", "false");
        }
    }

    /**
     * The line that refuses {@code backup} or {@code restore} before anything starts, or null: the
     * directory argument, and for a restore every file of the backup against its SHA-256.
     */
    private static String checkBackupCommand(String[] args) {
        try {
            Path directory = BackupCommand.directory(args);
            if (args[0].equals(BackupCommand.RESTORE)) {
                BackupDirectory.verify(directory);
            }
            return null;
        } catch (BackupException e) {
            return (args[0].equals(BackupCommand.RESTORE) ? "Restore refused: " : "Backup refused: ") + e.getMessage();
        }
    }

    /** A restore's cluster, built beside the real one and moved into place once it is complete. */
    private record Staged(Path staging, Path cluster) {
    }

    private static void run(String[] args, EmbeddedDatabase database, Staged restored) {
        if (args.length == 0) {
            stopOnSignals();
        }
        Quarkus.run(RingWatchApplication.class, (exitCode, failure) -> exit(exitCode, failure, database, restored), args);
    }

    private static void fail(String line) {
        System.err.println(line);
        System.exit(1);
    }

    /**
     * SIGTERM (docker stop, systemd, kill) and SIGINT (Ctrl-C) ask the service to stop. Left to the
     * JVM, they run every shutdown hook at once, so PostgreSQL could stop under the job poller,
     * and the process exits with 143 or 130, which supervisors read as a failure. Handled here,
     * Quarkus stops as if the application had asked (in-flight requests finish, jobs give back
     * their leases, the pool closes), then {@link #exit} stops PostgreSQL and exits with 0.
     */
    private static void stopOnSignals() {
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> Quarkus.asyncExit(0));
        }
    }

    /**
     * After Quarkus has stopped (and closed its pool): say why in one line if it failed, then stop
     * PostgreSQL, and only then exit, so no shutdown hook races it.
     */
    private static void exit(int exitCode, Throwable failure, EmbeddedDatabase database, Staged restored) {
        if (failure != null) {
            System.err.println("RingWatch could not start: " + rootMessage(failure));
        }
        if (database != null) {
            database.close();
        }
        if (restored != null) {
            exitCode = finishRestore(exitCode == 0 && failure == null, restored);
        }
        System.exit(exitCode);
    }

    /** Only a complete restore becomes the data directory's cluster; a failed one leaves nothing. */
    private static int finishRestore(boolean complete, Staged restored) {
        try {
            if (complete) {
                EmbeddedRestore.complete(restored.staging(), restored.cluster());
                return 0;
            }
            EmbeddedRestore.discard(restored.staging());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Restore failed: the restored database in " + restored.staging()
                    + " could not be moved to " + restored.cluster() + " (" + e.getMessage() + ")");
            return 1;
        }
    }

    static boolean externalDatabaseConfigured() {
        return isSet(System.getenv(EXTERNAL_URL_ENV)) || isSet(System.getProperty(EXTERNAL_URL_PROPERTY));
    }

    /** The same setting as {@code ringwatch.data-dir} in application.properties, read before Quarkus. */
    static Path dataDirectory() {
        String configured = System.getProperty(DATA_DIR_PROPERTY, System.getenv(DATA_DIR_ENV));
        return Path.of(isSet(configured) ? configured : "data");
    }

    /** The innermost message: Quarkus wraps start-up failures in several layers that say only "failed to start". */
    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
