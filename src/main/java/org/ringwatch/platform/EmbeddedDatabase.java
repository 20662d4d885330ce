package org.ringwatch.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PostgreSQL 17 server RingWatch runs on when no external database is configured.
 *
 * <p>There is no Docker engine for Dev Services on our machines, so the service carries its
 * own server (zonky's embedded binaries). The data directory is kept between runs and is then a
 * real database: every commit is on disk before it is acknowledged. The tests ask for a
 * throw-away cluster instead, without those flushes.
 *
 * <p>The directory belongs to one process at a time: a lock file beside it says which. A server
 * a killed RingWatch left behind is stopped at the next start; one that a live RingWatch holds
 * is refused. {@link #supervise()} starts it again whenever it dies.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    /** The directories this JVM owns: the kernel's lock cannot tell one JVM's two starts apart. */
    private static final Set<Path> OWNED = ConcurrentHashMap.newKeySet();
    /** Crash recovery replays the WAL since the last checkpoint before the server accepts connections. */
    private static final Duration START_LIMIT = Duration.ofMinutes(2);
    private static final Duration LEFTOVER_STOP_LIMIT = Duration.ofSeconds(60);
    /** What a restarted server writes; pg_ctl gives it no other place, and it says why a restart failed. */
    private static final String RESTART_LOG = "restart.log";

    private final Path directory;
    private final FileChannel owner;
    private final EmbeddedPostgres server;
    private final Thread stopAtExit = new Thread(this::close, "ringwatch-postgres-stop");
    private volatile long postmaster;
    private PostmasterWatchdog watchdog;
    private boolean closed;

    private EmbeddedDatabase(Path directory, FileChannel owner, EmbeddedPostgres server) {
        this.directory = directory;
        this.owner = owner;
        this.server = server;
        this.postmaster = postmasterPid(directory).orElse(-1);
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first use.
     *
     * @param keepData false for a fresh, empty cluster that is not flushed to disk (tests)
     * @throws EmbeddedDatabaseException with one sentence a person can act on
     */
    public static EmbeddedDatabase start(Path dataDirectory, boolean keepData) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        FileChannel owner = null;
        try {
            Files.createDirectories(directory.getParent());
            owner = own(directory);
            stopLeftOver(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(!keepData)
                    // Stopped by close(), after Quarkus has closed its pool; see the hook below.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(START_LIMIT)
                    .setServerConfig("max_connections", "60");
            if (keepData) {
                // zonky starts every server with fsync and synchronous_commit off (-F), fine for a
                // throw-away cluster; on a kept one an acknowledged write must survive a crash.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedDatabase database = new EmbeddedDatabase(directory, owner, builder.start());
            // A JVM that exits without RingWatchMain's exit path still stops its server.
            Runtime.getRuntime().addShutdownHook(database.stopAtExit);
            return database;
        } catch (IOException | RuntimeException e) {
            release(directory, owner);
            if (e instanceof EmbeddedDatabaseException refused) {
                throw refused;
            }
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

    /** Starts the server again, on the same directory and port, whenever it dies; {@link #close()} ends that. */
    public synchronized void supervise() {
        if (watchdog == null && !closed) {
            watchdog = new PostmasterWatchdog(this);
        }
    }

    /** The postmaster's process id, for log lines. */
    long postmasterPid() {
        return postmaster;
    }

    int port() {
        return server.getPort();
    }

    boolean isRunning() {
        return ProcessHandle.of(postmaster).filter(EmbeddedDatabase::alive).isPresent();
    }

    /**
     * Alive, and not a zombie. A killed postmaster's parent is init, which reaps it late (a second
     * here) or, in a container whose init is the JVM, never; the JDK counts a zombie as alive.
     */
    static boolean alive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            // Linux: the state follows the command name, which is in parentheses and may hold any character.
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return true;   // no /proc: the JDK's answer is all there is
        }
    }

    /**
     * Starts the server again after it died, with the options and port it had (pg_ctl takes them
     * from postmaster.opts), so every URL handed out stays valid. zonky cannot start a second
     * server on a directory while it holds the first, so pg_ctl does it directly.
     *
     * @throws EmbeddedDatabaseException when pg_ctl could not start it; the message says why
     */
    synchronized void restart() {
        if (closed || isRunning()) {
            return;
        }
        try {
            Optional<ProcessHandle> running = serverOf(directory);
            if (running.isPresent()) {   // someone started it by hand meanwhile: it is the server now
                postmaster = running.get().pid();
                return;
            }
            removeStalePidFile(directory);
            Path log = directory.resolve(RESTART_LOG);
            Files.deleteIfExists(log);
            String output = pgCtl("restart", "-D", directory.toString(), "-w", "-t",
                    String.valueOf(START_LIMIT.toSeconds()), "-s", "-l", log.toString());
            postmaster = postmasterPid(directory).orElse(-1);
            if (!isRunning()) {
                // The server's own last words say why (a port taken, backends of the dead one still
                // attached); pg_ctl's only when the server never wrote any.
                String said = Files.exists(log) ? Files.readString(log).strip() : "";
                throw new EmbeddedDatabaseException("PostgreSQL did not start again in " + directory + ": "
                        + reason(said.isEmpty() ? output : said), null);
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("PostgreSQL did not start again in " + directory + ": "
                    + rootCause(e), e);
        }
    }

    @Override
    public void close() {
        PostmasterWatchdog stopping;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = watchdog;
        }
        if (stopping != null) {
            stopping.close();   // outside the lock: a restart in progress finishes first
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook, or it runs after us and finds us closed
        }
        checkpoint();
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(directory, owner);
        }
    }

    /** A connection of the superuser, outside any pool. */
    Connection connect() throws SQLException {
        return server.getPostgresDatabase().getConnection();
    }

    /**
     * zonky gives the fast shutdown 5 s; with fsync on, its checkpoint writes out every dirty
     * buffer. Writing them first leaves the shutdown next to nothing to do.
     */
    private void checkpoint() {
        if (!isRunning()) {
            return;
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            LOG.debugf("No checkpoint before the stop: %s", e.getMessage());
        }
    }

    /**
     * Takes the lock beside the directory for this process, writing its pid there for the message
     * another start shows. The kernel drops the lock when the process dies, however it dies.
     */
    private static FileChannel own(Path directory) throws IOException {
        Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
        // Checked first because closing a second channel on the file would drop this JVM's lock.
        if (!OWNED.add(directory)) {
            throw inUse(directory, String.valueOf(ProcessHandle.current().pid()));
        }
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            OWNED.remove(directory);
            throw inUse(directory, Files.readString(lockFile).trim());
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
        return channel;
    }

    private static EmbeddedDatabaseException inUse(Path directory, String holder) {
        return new DirectoryInUse("The embedded PostgreSQL data directory " + directory
                + " is in use by process " + holder + ", another RingWatch."
                + " Stop that process (kill " + holder + ") or set ringwatch.data-dir to another directory.");
    }

    private static void release(Path directory, FileChannel owner) {
        if (owner == null) {
            return;
        }
        OWNED.remove(directory);
        try {
            owner.close();   // releases the lock; the file stays, deleting it would race the next start
        } catch (IOException e) {
            LOG.debugf("Closing the lock file: %s", e.getMessage());
        }
    }

    /**
     * pg_ctl detaches the postmaster, so a RingWatch killed with -9 leaves its server running, holding
     * the directory. Nobody else owns the directory now (we hold its lock), so that server is ours:
     * it is asked to stop (SIGTERM; its clients died with their JVM) and waited for.
     */
    private static void stopLeftOver(Path directory) throws IOException {
        Optional<ProcessHandle> leftOver = serverOf(directory);
        if (leftOver.isEmpty()) {
            removeStalePidFile(directory);
            return;
        }
        ProcessHandle process = leftOver.get();
        LOG.warnf("Stopping the PostgreSQL (process %d) a RingWatch that was killed left running on %s",
                process.pid(), directory);
        if (!process.destroy()) {
            throw new EmbeddedDatabaseException("The PostgreSQL (process " + process.pid() + ") a previous RingWatch"
                    + " left running on " + directory + " cannot be stopped by this user. Stop it (kill -INT "
                    + process.pid() + ") and start RingWatch again.", null);
        }
        // Polled rather than onExit(): the JDK would wait for a zombie to be reaped.
        Instant deadline = Instant.now().plus(LEFTOVER_STOP_LIMIT);
        while (alive(process)) {
            if (Instant.now().isAfter(deadline)) {
                throw new EmbeddedDatabaseException("The PostgreSQL (process " + process.pid() + ") a previous"
                        + " RingWatch left running on " + directory + " did not stop within "
                        + LEFTOVER_STOP_LIMIT.toSeconds() + " s. Stop it (kill -INT " + process.pid()
                        + ") and start RingWatch again.", null);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedDatabaseException("Interrupted while stopping PostgreSQL process " + process.pid(), e);
            }
        }
    }

    /** The live postgres process that postmaster.pid names, if its command line serves this directory. */
    private static Optional<ProcessHandle> serverOf(Path directory) throws IOException {
        OptionalLong pid = postmasterPid(directory);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.getAsLong()).filter(EmbeddedDatabase::alive);
        if (process.isEmpty()) {
            return Optional.empty();
        }
        Optional<String[]> arguments = process.get().info().arguments();
        Optional<String> command = process.get().info().command();
        if (arguments.isEmpty() || command.isEmpty()) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL data directory " + directory
                    + " names process " + pid.getAsLong() + " as its server, and RingWatch cannot tell whether it is."
                    + " Stop that process (kill -INT " + pid.getAsLong() + ") or set ringwatch.data-dir to another"
                    + " directory.", null);
        }
        boolean postgres = Path.of(command.get()).getFileName().toString().startsWith("postgres");
        List<String> args = List.of(arguments.get());
        int d = args.indexOf("-D");
        boolean here = d >= 0 && d + 1 < args.size() && Files.exists(Path.of(args.get(d + 1)))
                && Files.isSameFile(Path.of(args.get(d + 1)), directory);
        return postgres && here ? process : Optional.empty();
    }

    /**
     * The lock files of a server that is gone, a zombie, or since a reboot some other program:
     * postmaster.pid, and the one beside its Unix socket, which names the same pid. PostgreSQL
     * refuses to start over either while it names a live pid, and to it a zombie is live.
     * Removing them is safe: PostgreSQL's shared-memory check, keyed on the directory, still
     * refuses to start while backends of the dead server are attached.
     */
    private static void removeStalePidFile(Path directory) throws IOException {
        List<String> lines = postmasterPidLines(directory);
        if (lines.isEmpty() || serverOf(directory).isPresent()) {
            return;
        }
        // Lines 4 and 5: the port and the socket directory.
        if (lines.size() > 4 && !lines.get(4).isBlank()) {
            Path socketLock = Path.of(lines.get(4).trim(), ".s.PGSQL." + lines.get(3).trim() + ".lock");
            if (Files.isRegularFile(socketLock)
                    && Files.readAllLines(socketLock).stream().findFirst().orElse("").trim().equals(lines.get(0).trim())) {
                Files.deleteIfExists(socketLock);
            }
        }
        Files.deleteIfExists(directory.resolve("postmaster.pid"));
    }

    private static OptionalLong postmasterPid(Path directory) {
        List<String> lines = postmasterPidLines(directory);
        try {
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();   // being written
        }
    }

    private static List<String> postmasterPidLines(Path directory) {
        try {
            return Files.readAllLines(directory.resolve("postmaster.pid"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Runs pg_ctl from the binaries the server was started with (postmaster.opts names them); its output. */
    private String pgCtl(String... arguments) throws IOException {
        String opts = Files.readString(directory.resolve("postmaster.opts")).trim();
        Path postgres = Path.of(opts.contains(" \"") ? opts.substring(0, opts.indexOf(" \"")) : opts);
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // As zonky does: run as root, PostgreSQL refuses to start outside a user namespace.
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(postgres.resolveSibling("pg_ctl").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return output;
    }

    /** The line that says why: the last FATAL or PANIC, else the last line. */
    private static String reason(String log) {
        List<String> lines = log.strip().lines().toList();
        return lines.stream().filter(l -> l.contains("FATAL:") || l.contains("PANIC:")).reduce((a, b) -> b)
                .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)).strip();
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Start-up failure of the embedded server, with a message meant for the operator. */
    public static class EmbeddedDatabaseException extends RuntimeException {
        public EmbeddedDatabaseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Another process (or this one) holds the data directory; commands that need it alone say so. */
    public static final class DirectoryInUse extends EmbeddedDatabaseException {
        DirectoryInUse(String message) {
            super(message, null);
        }
    }
}
