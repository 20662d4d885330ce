package org.ringwatch.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The PostgreSQL 17 server RingWatch runs on when no external database is configured.
 *
 * <p>There is no Docker engine for Dev Services on our machines, so the service carries its
 * own server (zonky's embedded binaries). The data directory is kept between runs and is then a
 * real database: every commit is on disk before it is acknowledged. The tests ask for a
 * throw-away cluster instead, without those flushes.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres server;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first use.
     *
     * @param keepData false for a fresh, empty cluster that is not flushed to disk (tests)
     * @throws EmbeddedDatabaseException with one sentence a person can act on
     */
    public static EmbeddedDatabase start(Path dataDirectory, boolean keepData) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        refuseIfInUse(directory);
        try {
            Files.createDirectories(directory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(!keepData)
                    // Our own shutdown path closes it after Quarkus has closed its pool.
                    .setRegisterShutdownHook(true)
                    .setServerConfig("max_connections", "60");
            if (keepData) {
                // zonky starts every server with fsync and synchronous_commit off (-F), fine for a
                // throw-away cluster; on a kept one an acknowledged write must survive a crash.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL could not start in " + directory
                    + " (" + rootCause(e) + "). Free the disk space or port, set ringwatch.data-dir to another"
                    + " directory, or point QUARKUS_DATASOURCE_JDBC_URL at an external PostgreSQL.", e);
        }
    }

    /** The datasource settings Quarkus needs to reach this server. */
    public Map<String, String> datasourceProperties() {
        return Map.of(
                "quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server left running by a killed JVM still holds the directory; starting another on it
     * would fail with PostgreSQL's lock-file message, which does not say what to do.
     */
    private static void refuseIfInUse(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            long pid = Long.parseLong(firstLine);
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (alive) {
                throw new EmbeddedDatabaseException("The embedded PostgreSQL data directory " + directory
                        + " is in use by process " + pid + ", probably a RingWatch that did not stop cleanly."
                        + " Stop that process (kill " + pid + ") or set ringwatch.data-dir to another directory.",
                        null);
            }
        } catch (IOException | NumberFormatException e) {
            // Unreadable or stale lock file: PostgreSQL itself decides whether it may start.
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Start-up failure of the embedded server, with a message meant for the operator. */
    public static final class EmbeddedDatabaseException extends RuntimeException {
        public EmbeddedDatabaseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
