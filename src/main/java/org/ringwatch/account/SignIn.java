package org.ringwatch.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.ringwatch.audit.Audit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an e-mail and password, for the sign-in form and for {@code POST /api/v1/tokens} alike:
 * throttled per account and per address, one answer for every failure (unknown address, wrong
 * password, disabled account), and about the same time spent on each [ASVS 6.3.8].
 */
@ApplicationScoped
public class SignIn {

    /** The one message for every failed sign-in: it must not say which part was wrong. */
    public static final String FAILED = "That e-mail address and password do not match an active account.";

    // A real bcrypt hash at the same cost as ours, checked when the account does not exist.
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy password for timing");

    /** The outcome: the account, or why not (and for how long to wait, when throttled). */
    public record Outcome(Optional<Account> account, String problem, Optional<Duration> retryAfter) {
    }

    private final IdentityProviderManager identities;
    private final LoginThrottle throttle;
    private final Audit audit;

    public SignIn(IdentityProviderManager identities, LoginThrottle throttle, Audit audit) {
        this.identities = identities;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Transactional
    public Outcome check(String email, String password, String address) {
        String normalised = email == null ? "" : Account.normaliseEmail(email);
        Optional<Duration> wait = throttle.waitFor(normalised, address);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            return new Outcome(Optional.empty(), "Too many failed sign-ins. Try again in " + minutes
                    + (minutes == 1 ? " minute." : " minutes."), wait);
        }
        Optional<Account> account = Account.findByEmail(normalised);
        boolean passwordMatches;
        if (account.isEmpty() || password == null || password.isEmpty()) {
            BcryptUtil.matches(password == null ? "" : password, DECOY_HASH);
            passwordMatches = false;
        } else {
            passwordMatches = verify(normalised, password);
        }
        boolean ok = passwordMatches && !account.get().isDisabled();
        throttle.record(normalised, address, ok);
        if (!ok) {
            return new Outcome(Optional.empty(), FAILED, Optional.empty());
        }
        audit.record(account.get().id, "sign_in", "account", account.get().id, null, Map.of("address", address));
        return new Outcome(account, null, Optional.empty());
    }

    /** The password check itself is security-jpa's, against the bcrypt hash it maps. */
    private boolean verify(String email, String password) {
        try {
            identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(email,
                    new PasswordCredential(password.toCharArray())));
            return true;
        } catch (AuthenticationFailedException e) {
            return false;
        }
    }
}
