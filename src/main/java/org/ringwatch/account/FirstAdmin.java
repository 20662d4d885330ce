package org.ringwatch.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.ringwatch.platform.RingWatchConfig;

/**
 * The first admin, at start-up, when no admin exists yet; everyone after joins by invitation.
 * With RINGWATCH_ADMIN_EMAIL and RINGWATCH_ADMIN_PASSWORD set, it is made from them, and a
 * password the policy refuses stops the start with the reason, rather than leaving a weak admin
 * behind. Without them, the service prints a one-time setup link instead ({@link FirstRunSetup});
 * a one-off command (seed) prints none, since it would replace the link of a service running.
 */
@ApplicationScoped
class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    private final AccountService accounts;

    FirstAdmin(AccountService accounts) {
        this.accounts = accounts;
    }

    void onStart(@Observes StartupEvent event, RingWatchConfig config, FirstRunSetup setup,
            @CommandLineArguments String[] commandLine) {
        if (config.admin().email().isPresent() && config.admin().password().isPresent()) {
            fromEnvironment(config.admin().email().get(), config.admin().password().get());
        } else if (commandLine.length == 0) {
            setup.announce();
        }
    }

    /**
     * Makes the admin from the variables unless there is one. Instances started together each
     * run this: the first-admin lock, taken before counting, lets one make the admin and the
     * others then find it made (without it, both counted none and both made one).
     */
    void fromEnvironment(String email, String password) {
        QuarkusTransaction.requiringNew().run(() -> {
            Account.lockFirstAdmin();
            if (Account.adminExists()) {
                return;
            }
            PasswordPolicy.problem(password, email).ifPresent(problem -> {
                throw new IllegalStateException("RINGWATCH_ADMIN_PASSWORD is refused: " + problem);
            });
            if (Account.findByEmail(email).isPresent()) {
                throw new IllegalStateException("RINGWATCH_ADMIN_EMAIL " + email
                        + " belongs to an account that is not an admin; choose another address");
            }
            accounts.create(email, "Administrator", password, Role.ADMIN, null);
            LOG.infof("Created the first admin, %s", Account.normaliseEmail(email));
        });
    }
}
