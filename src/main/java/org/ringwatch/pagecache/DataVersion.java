package org.ringwatch.pagecache;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.ringwatch.platform.RingWatchConfig;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which generation of the public data the pages in memory were rendered from: a number that moves
 * on every committed change to what public pages show, whichever instance made it.
 * <p>
 * Two ways in, because each alone leaves a gap. A connection of its own listens on the channel
 * that V17's triggers notify at every commit, so writes made by other instances (or by anyone with
 * psql) are heard within a round trip; but a notification arrives a moment after the commit, and
 * a visitor who follows their own write from this instance must not see the page from before it.
 * So {@link CommittedWrites} also moves the number synchronously when a transaction of this
 * instance that wrote commits. Moving it twice for one change costs one extra render, never a
 * stale page.
 * <p>
 * While the listening connection is down (the database restarting, say) nothing could be heard,
 * so nothing is served from memory ({@link #current()} is -1), and the number moves again once it
 * listens again.
 */
@ApplicationScoped
public class DataVersion {

    static final String CHANNEL = "ringwatch_data";

    private static final Logger LOG = Logger.getLogger(DataVersion.class);
    private static final int POLL_MILLIS = 10_000;
    private static final long RETRY_MILLIS = 1_000;

    private final AtomicLong generation = new AtomicLong();
    private final boolean enabled;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean listening;
    private volatile boolean stopping;
    private volatile Set<String> quietTables;
    private Thread listener;

    public DataVersion(RingWatchConfig config, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.enabled = config.pageCache().enabled();
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** The generation pages are rendered from now, or -1 when changes could go unheard (keep nothing). */
    public long current() {
        return listening ? generation.get() : -1;
    }

    /** Something public changed (or may have): pages rendered before now are out of date. */
    void changed() {
        generation.incrementAndGet();
    }

    /**
     * Whether a write to {@code table} can change a public page: every table but those V17 leaves
     * without its trigger. Until the listener has read that list, every table counts.
     */
    boolean shows(String table) {
        Set<String> quiet = quietTables;
        return quiet == null || !quiet.contains(table);
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        listener = new Thread(this::listen, "page-cache-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopped) {
        // The listener sees the flag within one wait (it is a daemon: it holds up no exit).
        stopping = true;
        listening = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        boolean reported = false;
        while (!stopping) {
            try (Connection c = connect()) {
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    quietTables = readQuietTables(statement);
                }
                // What changed while nobody listened is unknown: start a new generation.
                changed();
                listening = true;
                if (reported) {
                    LOG.info("Listening for data changes again; public pages are cached again");
                    reported = false;
                }
                hear(c.unwrap(PGConnection.class), c);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                changed();
                if (stopping) {
                    return;
                }
                if (!reported) {
                    LOG.warnf("Not listening for data changes (%s); public pages are rendered for every request"
                            + " until the connection is back", e.getMessage());
                    reported = true;
                }
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void hear(PGConnection pg, Connection c) throws SQLException {
        while (!stopping) {
            PGNotification[] heard = pg.getNotifications(POLL_MILLIS);
            if (heard != null && heard.length > 0) {
                changed();
            } else if (!c.isValid(5)) {
                // A silent network can leave the wait above hanging on a dead socket; ask.
                throw new SQLException("the listening connection was lost");
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", "ringwatch page cache");
        Connection c = new Driver().connect(url, properties);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        return c;
    }

    private static Set<String> readQuietTables(Statement statement) throws SQLException {
        Set<String> quiet = new HashSet<>();
        try (ResultSet rows = statement.executeQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
                   AND NOT EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                                    WHERE t.tgrelid = c.oid AND p.proname = 'data_changed')
                """)) {
            while (rows.next()) {
                quiet.add(rows.getString(1));
            }
        }
        return Set.copyOf(quiet);
    }
}
