package org.ringwatch.account;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.Optional;

/**
 * The signed-in account of this request, if any; {@code inject:me} in templates. Loaded once
 * per request, and only when asked for.
 */
@RequestScoped
@Named("me")
public class CurrentAccount {

    private final SecurityIdentity identity;
    private Optional<Account> account;

    public CurrentAccount(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<Account> account() {
        if (account == null) {
            if (!resolvable()) {
                return Optional.empty();
            }
            Long id = identity.isAnonymous() ? null : identity.getAttribute(Authentication.ACCOUNT_ID);
            account = id == null ? Optional.empty() : Account.findByIdOptional(id);
        }
        return account;
    }

    /**
     * Error pages for unmatched routes render on the I/O thread, where resolving a sign-in
     * (a database read) is not allowed; there the layout shows the signed-out navigation.
     */
    private static boolean resolvable() {
        return BlockingOperationControl.isBlockingAllowed();
    }

    /** The account, for code behind {@code @RolesAllowed}: there is always one. */
    public Account require() {
        return account().orElseThrow(UnauthorizedException::new);
    }

    public Optional<Long> id() {
        return account().map(a -> a.id);
    }

    public boolean isSignedIn() {
        return account().isPresent();
    }

    public boolean isModerator() {
        return resolvable() && identity.hasRole(Role.MODERATOR_NAME);
    }

    public boolean isAdmin() {
        return resolvable() && identity.hasRole(Role.ADMIN_NAME);
    }

    public String getEmail() {
        return account().map(a -> a.email).orElse("");
    }

    public String getName() {
        return account().map(a -> a.displayName).orElse("");
    }
}
