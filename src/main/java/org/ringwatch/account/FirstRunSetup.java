package org.ringwatch.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.ringwatch.platform.RingWatchConfig;
import org.ringwatch.platform.SiteAddress;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The first admin without environment variables: while no admin exists, each start of the
 * service prints a one-time link ({@code /setup?token=…}, good for {@link #LIFETIME}) on the
 * console, and whoever can read the console makes the admin in the browser (SetupPages). The
 * console is the proof of being the operator; the link is the only way in, so it is printed
 * nowhere else and stored only as a hash.
 */
@ApplicationScoped
public class FirstRunSetup {

    /** Long enough to start the service today and open the link tomorrow, short enough not to linger. */
    static final Duration LIFETIME = Duration.ofHours(24);

    private static final Logger LOG = Logger.getLogger(FirstRunSetup.class);

    /** What a setup link can do now. */
    public enum State {
        /** It can make the first admin. */
        USABLE,
        /** Made up, replaced by a newer link, used or expired: they look the same. */
        UNKNOWN,
        /** There is an admin: no link can make another one. */
        ADMIN_EXISTS
    }

    private final RingWatchConfig config;
    private final int httpPort;

    public FirstRunSetup(RingWatchConfig config, @ConfigProperty(name = "quarkus.http.port") int httpPort) {
        this.config = config;
        this.httpPort = httpPort;
    }

    /**
     * What a start does when no admin exists: a fresh link (every older one stops working),
     * printed on the console in one line. @return the line printed, or empty when there is an admin
     */
    public Optional<String> announce() {
        Optional<String> token = QuarkusTransaction.requiringNew().call(() -> {
            Account.lockFirstAdmin();
            return Account.adminExists() ? Optional.<String>empty()
                    : Optional.of(SetupToken.replaceAll(OffsetDateTime.now().plus(LIFETIME)));
        });
        Optional<String> line = token.map(t -> "No admin yet: open " + link(t) + " to create one");
        line.ifPresent(LOG::info);
        return line;
    }

    public State state(String token) {
        if (Account.adminExists()) {
            return State.ADMIN_EXISTS;
        }
        return SetupToken.findUsable(token).isPresent() ? State.USABLE : State.UNKNOWN;
    }

    /** The public URL when one is set; else this machine, which is where the console is. */
    private String link(String token) {
        return SiteAddress.of(config, URI.create("http://localhost:" + httpPort)) + "/setup?token=" + token;
    }
}
