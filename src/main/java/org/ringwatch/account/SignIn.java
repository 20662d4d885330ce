package org.ringwatch.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringwatch.audit.Audit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Checks an e-mail and password, for the sign-in form and for {@code POST /api/v1/tokens} alike:
 * throttled by {@link LoginThrottle}, one answer for every failure (unknown address, wrong
 * password, disabled account), and about the same time spent on each [ASVS 6.3.8].
 *
 * <p>bcrypt is slow on purpose, so it runs outside any transaction: a check used to hold a
 * pooled connection through it, and 80 attempts at once emptied the pool (37 answered 500).
 * It is CPU work, so no more checks run at once than there are cores, and never more than a
 * quarter of the pool: a check's statements take a connection for a moment each, and sign-ins
 * must not starve the pages. The wait for a turn is bounded twice, in length and in how many
 * may wait (each holds a worker thread the pages also need); past either, the answer is 503
 * with Retry-After.
 */
@ApplicationScoped
public class SignIn {

    /** The one message for every failed sign-in: it must not say which part was wrong. */
    public static final String FAILED = "That e-mail address and password do not match an active account.";

    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    /** Attempts that may wait for a turn, per check that may run. */
    static final int WAITING_PER_CHECK = 8;
    static final Duration BUSY_RETRY = Duration.ofSeconds(5);

    // A real bcrypt hash at the same cost as ours, checked when the account does not exist.
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy password for timing");

    /** Why a sign-in did not happen, and the HTTP status that says so. */
    public enum Refusal {
        FAILED(401), THROTTLED(429), BUSY(503);

        public final int status;

        Refusal(int status) {
            this.status = status;
        }
    }

    /** The account, or why not (and, when it is worth trying again, after how long). */
    public record Outcome(Optional<Account> account, Refusal refusal, Optional<Duration> retryAfter) {

        static Outcome refused(Refusal refusal, Duration retryAfter) {
            return new Outcome(Optional.empty(), refusal, Optional.ofNullable(retryAfter));
        }

        public String problem() {
            return switch (refusal) {
                case FAILED -> SignIn.FAILED;
                case THROTTLED -> "Too many failed sign-ins. Try again in " + inWords(retryAfter.orElseThrow()) + ".";
                case BUSY -> "Too many people are signing in at this moment. Try again in a few seconds.";
            };
        }

        private static String inWords(Duration wait) {
            long seconds = wait.toSeconds();
            if (seconds < 60) {
                return seconds + (seconds == 1 ? " second" : " seconds");
            }
            long minutes = (seconds + 59) / 60;
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
    }

    private final LoginThrottle throttle;
    private final Audit audit;
    private final Semaphore checks;
    private final int waitingRoom;

    public SignIn(LoginThrottle throttle, Audit audit,
            @ConfigProperty(name = "quarkus.datasource.jdbc.max-size", defaultValue = "20") int poolSize) {
        this.throttle = throttle;
        this.audit = audit;
        int concurrent = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), poolSize / 4));
        this.checks = new Semaphore(concurrent);
        this.waitingRoom = concurrent * WAITING_PER_CHECK;
    }

    /** A sign-in: the password check, and the audit log's record of it when it succeeds. */
    public Outcome check(String email, String password, String address) {
        Outcome outcome = verify(email, password, address);
        outcome.account().ifPresent(account -> QuarkusTransaction.requiringNew().run(() ->
                audit.record(account.id, "sign_in", "account", account.id, null, Map.of("address", address))));
        return outcome;
    }

    /**
     * The password check alone, throttled and bounded like a sign-in: a form that asks for the
     * current password (changing it) must not become a guessing channel the throttle misses.
     */
    public Outcome verify(String email, String password, String address) {
        if (!turn()) {
            return Outcome.refused(Refusal.BUSY, BUSY_RETRY);
        }
        try {
            return checkNow(email == null ? "" : Account.normaliseEmail(email), password, address);
        } finally {
            checks.release();
        }
    }

    private boolean turn() {
        if (checks.getQueueLength() >= waitingRoom) {
            return false;
        }
        try {
            return checks.tryAcquire(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Outcome checkNow(String email, String password, String address) {
        LoginThrottle.Verdict verdict = throttle.reserve(email, address);
        if (!verdict.allowed()) {
            return Outcome.refused(Refusal.THROTTLED, verdict.retryAfter());
        }
        Optional<Account> account = QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email));
        // One bcrypt whatever the case, against a decoy when there is no such account.
        boolean matches = BcryptUtil.matches(password == null ? "" : password,
                account.map(a -> a.passwordHash).orElse(DECOY_HASH));
        if (!matches || account.isEmpty() || password.isEmpty() || account.get().isDisabled()) {
            return Outcome.refused(Refusal.FAILED, null);
        }
        throttle.succeeded(verdict.attempt());
        return new Outcome(account, null, Optional.empty());
    }

    /** The client's address as throttling counts it, for the sign-in form and the token API alike. */
    static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
