package org.ringwatch.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.ringwatch.platform.EmbeddedDatabase;

import sun.misc.Signal;

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
        if (args.length > 0 && args[0].equals(RingWatchApplication.SEED_COMMAND)) {
            // The command loads the seed itself (forced); loading it at start as well is wasted work.
            System.setProperty("ringwatch.seed.on-start", "false");
            // Quarkus starts its HTTP servers regardless; keep them off the service's ports and off the network.
            System.setProperty("quarkus.http.port", "0");
            System.setProperty("quarkus.http.host", "127.0.0.1");
            // The management interface too: a service already running here holds port 9000.
            System.setProperty("quarkus.management.port", "0");
            System.setProperty("quarkus.management.host", "127.0.0.1");
        }
        if (externalDatabaseConfigured()) {
            run(args, null);
            return;
        }
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(dataDirectory().resolve("postgres"), true);
        } catch (EmbeddedDatabase.EmbeddedDatabaseException e) {
            System.err.println("RingWatch cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        database.supervise();
        database.datasourceProperties().forEach(System::setProperty);
        run(args, database);
    }

    private static void run(String[] args, EmbeddedDatabase database) {
        if (args.length == 0) {
            stopOnSignals();
        }
        Quarkus.run(RingWatchApplication.class, (exitCode, failure) -> exit(exitCode, failure, database), args);
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
    private static void exit(int exitCode, Throwable failure, EmbeddedDatabase database) {
        if (failure != null) {
            System.err.println("RingWatch could not start: " + rootMessage(failure));
        }
        if (database != null) {
            database.close();
        }
        System.exit(exitCode);
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
