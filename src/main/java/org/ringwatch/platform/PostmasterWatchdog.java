package org.ringwatch.platform;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the embedded PostgreSQL running: twice a second it checks that the postmaster is alive
 * and, when it is not, starts it again on the same directory and port, so the pool's URL stays
 * valid and the pool simply reconnects. A start that fails is tried again, backing off to every
 * 10 s. Until the server is back, requests answer 503 and readiness is DOWN.
 *
 * <p>It runs beside Quarkus, not inside it, like the server it watches: it is started before
 * Quarkus and stops after it.
 */
final class PostmasterWatchdog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostmasterWatchdog.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    /** How long {@link #close()} lets a restart in progress finish (crash recovery included). */
    private static final Duration FINISH_LIMIT = Duration.ofMinutes(3);

    private final EmbeddedDatabase database;
    private final Thread thread;
    private boolean closed;

    PostmasterWatchdog(EmbeddedDatabase database) {
        this.database = database;
        this.thread = new Thread(this::watch, "ringwatch-postgres-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (pause(CHECK_EVERY)) {
            if (!database.isRunning()) {
                bringBack();
            }
        }
    }

    private void bringBack() {
        Instant died = Instant.now();
        LOG.warnf("The embedded PostgreSQL (process %d) has stopped; starting it again on port %d",
                database.postmasterPid(), database.port());
        Duration retry = FIRST_RETRY;
        while (true) {
            try {
                database.restart();
                if (database.isRunning()) {   // not so when closed meanwhile
                    LOG.infof("The embedded PostgreSQL is back (process %d), %d ms after it stopped",
                            database.postmasterPid(), Duration.between(died, Instant.now()).toMillis());
                }
                return;
            } catch (EmbeddedDatabase.EmbeddedDatabaseException e) {
                LOG.warnf("%s; trying again in %d ms", e.getMessage(), retry.toMillis());
            }
            if (!pause(retry)) {
                return;
            }
            retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
        }
    }

    /** @return false once closed */
    private synchronized boolean pause(Duration duration) {
        if (!closed) {
            try {
                wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
        return !closed;
    }

    /** Stops watching; a restart in progress finishes first, so the caller can then stop the server. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(FINISH_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
