package org.ringwatch.account;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows password guessing [ASVS 6.3.1]: after 5 failed sign-ins to one account, or 20 from one
 * address, within 15 minutes, further tries are refused until the window has passed. Counted
 * in PostgreSQL so every instance sees the same numbers. Unknown accounts are throttled the
 * same way as real ones, so the throttle tells nothing about which accounts exist.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int MAX_FAILURES_PER_ACCOUNT = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final AgroalDataSource dataSource;

    public LoginThrottle(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return how long to wait, if this account or address has failed too often */
    public Optional<Duration> waitFor(String email, String address) {
        Instant now = Instant.now();
        Optional<Duration> account = wait(accountKey(email), MAX_FAILURES_PER_ACCOUNT, now);
        Optional<Duration> ip = wait(addressKey(address), MAX_FAILURES_PER_ADDRESS, now);
        if (account.isPresent() && ip.isPresent()) {
            return Optional.of(account.get().compareTo(ip.get()) > 0 ? account.get() : ip.get());
        }
        return account.isPresent() ? account : ip;
    }

    public void record(String email, String address, boolean succeeded) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO login_attempt (subject, succeeded) VALUES (?, ?), (?, ?)");
             PreparedStatement prune = connection.prepareStatement(
                     "DELETE FROM login_attempt WHERE attempted_at < now() - interval '1 day'")) {
            insert.setString(1, accountKey(email));
            insert.setBoolean(2, succeeded);
            insert.setString(3, addressKey(address));
            insert.setBoolean(4, succeeded);
            insert.executeUpdate();
            if (succeeded) {
                // A successful sign-in clears the account's failures, not the address's.
                try (PreparedStatement clear = connection.prepareStatement(
                        "DELETE FROM login_attempt WHERE subject = ? AND NOT succeeded")) {
                    clear.setString(1, accountKey(email));
                    clear.executeUpdate();
                }
            }
            prune.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Duration> wait(String subject, int limit, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT count(*), min(attempted_at) FROM login_attempt
                      WHERE subject = ? AND NOT succeeded AND attempted_at > ?
                     """)) {
            query.setString(1, subject);
            query.setTimestamp(2, Timestamp.from(now.minus(WINDOW)));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                if (result.getLong(1) < limit) {
                    return Optional.empty();
                }
                Instant oldest = result.getTimestamp(2).toInstant();
                Duration wait = Duration.between(now, oldest.plus(WINDOW));
                return Optional.of(wait.isNegative() ? Duration.ofSeconds(1) : wait);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
