package org.ringwatch.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.ringwatch.platform.RingWatchConfig;

/**
 * Creates the first admin at start-up from RINGWATCH_ADMIN_EMAIL and RINGWATCH_ADMIN_PASSWORD
 * when no admin exists yet; everyone after joins by invitation. A password the policy refuses
 * stops the start with the reason, rather than leaving a weak admin behind.
 */
@ApplicationScoped
class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    @Transactional
    void onStart(@Observes StartupEvent event, RingWatchConfig config, AccountService accounts) {
        if (config.admin().email().isEmpty() || config.admin().password().isEmpty()
                || Account.count("role", Role.ADMIN.code()) > 0) {
            return;
        }
        String email = config.admin().email().get();
        String password = config.admin().password().get();
        PasswordPolicy.problem(password, email).ifPresent(problem -> {
            throw new IllegalStateException("RINGWATCH_ADMIN_PASSWORD is refused: " + problem);
        });
        if (Account.findByEmail(email).isPresent()) {
            throw new IllegalStateException("RINGWATCH_ADMIN_EMAIL " + email
                    + " belongs to an account that is not an admin; choose another address");
        }
        accounts.create(email, "Administrator", password, Role.ADMIN, null);
        LOG.infof("Created the first admin, %s", Account.normaliseEmail(email));
    }
}
