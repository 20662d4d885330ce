package org.ringwatch.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Slows password guessing [ASVS 6.3.1] without letting anyone lock an owner out. Three counts:
 * <ul>
 * <li>one address at one account: five failures go freely, then every further try waits, 30 s
 * after the fifth failure, doubling with each one to at most 15 minutes. The owner mistyping at
 * home gets a short wait, not a quarter-hour lock; an attacker at one address gets about a
 * hundred guesses a day;</li>
 * <li>one address, whatever the account: 20 failures in 15 minutes, then that address waits
 * for the quarter to end (one password sprayed over many accounts);</li>
 * <li>one account, whatever the address: 30 failures in 15 minutes, then addresses new to the
 * account wait for the quarter to end (many addresses, each under the first two limits).</li>
 * </ul>
 * An address that signed in to an account in the last 90 days is known to it and held to the
 * first count only. That is what keeps the last two from locking the owner out: an attacker
 * who cannot sign in can close an account to new addresses for a while, never to the
 * addresses its owner uses, and a hard lock of the account itself does not exist.
 *
 * <p>Each count is one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE <under the limit>
 * RETURNING}: the row lock makes parallel attempts count one after another, and an attempt goes
 * on only if its own statement counted it, so a burst gets exactly the limit through. An
 * attempt counts as a failure before its password is checked and is taken back if it succeeds.
 * The counts live in PostgreSQL, so every instance sees the same numbers. Keys hold a hash of
 * the e-mail (the table does not list who was tried), and an unknown e-mail is counted exactly
 * like a real one, so the throttle tells nothing about which accounts exist.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES_PER_ADDRESS_AND_ACCOUNT = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** A run of failures from one address at one account is forgotten after a quiet day. */
    static final Duration FAILURES_FORGOTTEN_AFTER = Duration.ofDays(1);
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final int MAX_FAILURES_PER_ACCOUNT = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration KNOWN_FOR = Duration.ofDays(90);

    /** An attempt let through: counted as a failure where it counts, until {@link #succeeded}. */
    public record Attempt(String pair, List<String> shared) {
    }

    /** An attempt to go on with, or how long to wait before the next one may. */
    public record Verdict(Attempt attempt, Duration retryAfter) {
        public boolean allowed() {
            return attempt != null;
        }
    }

    private final AgroalDataSource dataSource;

    public LoginThrottle(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts an attempt, if the limits allow one now. {@code email} is normalised already. */
    public Verdict reserve(String email, String address) {
        String pair = pairKey(email, address);
        try (Connection connection = dataSource.getConnection()) {
            List<String> shared = new ArrayList<>();
            if (!known(connection, pair)) {
                for (Limit limit : List.of(new Limit(addressKey(address), MAX_FAILURES_PER_ADDRESS),
                        new Limit(accountKey(email), MAX_FAILURES_PER_ACCOUNT))) {
                    if (!countInWindow(connection, limit)) {
                        return refuse(connection, limit.subject(), shared);
                    }
                    shared.add(limit.subject());
                }
            }
            // Last, because it alone cannot be taken back: its wait has already been set.
            if (!countForPair(connection, pair)) {
                return refuse(connection, pair, shared);
            }
            return new Verdict(new Attempt(pair, List.copyOf(shared)), null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The attempt was no failure: the pair starts afresh and its address becomes known to the
     * account. The account's count is only relieved of this attempt, not cleared: the owner
     * signing in must not reopen the account to a botnet's new addresses.
     */
    public void succeeded(Attempt attempt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE login_throttle SET attempts = 0, blocked_until = NULL, signed_in_at = now()
                      WHERE subject = ?
                     """)) {
            update.setString(1, attempt.pair());
            update.executeUpdate();
            takeBack(connection, attempt.shared());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts that have run out go, except what makes an address known; runs of failures restart. */
    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("""
                     DELETE FROM login_throttle
                      WHERE resets_at < now() AND (signed_in_at IS NULL OR signed_in_at < now() - ?::interval)
                     """);
             PreparedStatement reset = connection.prepareStatement("""
                     UPDATE login_throttle SET attempts = 0, blocked_until = NULL
                      WHERE resets_at < now() AND attempts > 0
                     """)) {
            delete.setString(1, KNOWN_FOR.toSeconds() + " seconds");
            delete.executeUpdate();
            reset.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean known(Connection connection, String pair) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT 1 FROM login_throttle WHERE subject = ? AND signed_in_at > now() - ?::interval
                """)) {
            query.setString(1, pair);
            query.setString(2, KNOWN_FOR.toSeconds() + " seconds");
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** At most {@code max} failures of {@code subject} in a 15-minute count. */
    private record Limit(String subject, int max) {
    }

    /** One failure more in a 15-minute count, unless the count is full: whether it was counted. */
    private static boolean countInWindow(Connection connection, Limit limit) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("""
                INSERT INTO login_throttle AS t (subject, attempts, resets_at)
                VALUES (?, 1, now() + ?::interval)
                ON CONFLICT (subject) DO UPDATE
                   SET attempts  = CASE WHEN t.resets_at > now() THEN t.attempts + 1 ELSE 1 END,
                       resets_at = CASE WHEN t.resets_at > now() THEN t.resets_at ELSE excluded.resets_at END
                 WHERE t.resets_at <= now() OR t.attempts < ?
                RETURNING attempts
                """)) {
            count.setString(1, limit.subject());
            count.setString(2, WINDOW.toSeconds() + " seconds");
            count.setInt(3, limit.max());
            try (ResultSet counted = count.executeQuery()) {
                return counted.next();
            }
        }
    }

    /**
     * One failure more for an address at an account, unless it must still wait; the wait before
     * the next is set in the same statement, from the count it has just made.
     */
    private static boolean countForPair(Connection connection, String pair) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("""
                INSERT INTO login_throttle AS t (subject, attempts, resets_at, blocked_until)
                VALUES (?, 1, now() + ?::interval, now())
                ON CONFLICT (subject) DO UPDATE
                   SET attempts      = t.attempts + 1,
                       resets_at     = excluded.resets_at,
                       blocked_until = now() + make_interval(secs => CASE WHEN t.attempts + 1 < ? THEN 0
                                       ELSE least(?, ? * 2 ^ least(t.attempts + 1 - ?, 20)) END)
                 WHERE t.blocked_until IS NULL OR t.blocked_until <= now()
                RETURNING attempts
                """)) {
            // The first failure never waits (inserted above with no wait), so the free count is at least 1.
            count.setString(1, pair);
            count.setString(2, FAILURES_FORGOTTEN_AFTER.toSeconds() + " seconds");
            count.setInt(3, FREE_FAILURES_PER_ADDRESS_AND_ACCOUNT);
            count.setDouble(4, LONGEST_WAIT.toSeconds());
            count.setDouble(5, FIRST_WAIT.toSeconds());
            count.setInt(6, FREE_FAILURES_PER_ADDRESS_AND_ACCOUNT);
            try (ResultSet counted = count.executeQuery()) {
                return counted.next();
            }
        }
    }

    /** Refused by {@code subject}'s count: the counts this attempt already made are taken back. */
    private static Verdict refuse(Connection connection, String subject, List<String> counted) throws SQLException {
        takeBack(connection, counted);
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT ceil(extract(epoch FROM coalesce(blocked_until, resets_at) - now()))
                  FROM login_throttle WHERE subject = ?
                """)) {
            query.setString(1, subject);
            try (ResultSet row = query.executeQuery()) {
                long seconds = row.next() ? row.getLong(1) : 1;
                return new Verdict(null, Duration.ofSeconds(Math.max(1, seconds)));
            }
        }
    }

    private static void takeBack(Connection connection, List<String> subjects) throws SQLException {
        if (subjects.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE login_throttle SET attempts = attempts - 1 WHERE subject = ANY (?) AND attempts > 0")) {
            update.setArray(1, connection.createArrayOf("text", subjects.toArray()));
            update.executeUpdate();
        }
    }

    static String pairKey(String email, String address) {
        return "pair:" + Secrets.sha256(email) + "|" + network(address);
    }

    private static String accountKey(String email) {
        return "account:" + Secrets.sha256(email);
    }

    private static String addressKey(String address) {
        return "address:" + network(address);
    }

    /** An IPv4 address, or an IPv6 address's /64: one home or host gets a whole /64 to pick from. */
    static String network(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();   // a literal: no lookup
            if (bytes.length != 16) {
                return address;
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
