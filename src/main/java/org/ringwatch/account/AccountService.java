package org.ringwatch.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.ringwatch.audit.Audit;
import org.ringwatch.platform.Names;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Changes to accounts, invitations and tokens, each written to the audit log in the same
 * transaction. Validation failures come back as field → message maps for the forms.
 */
@ApplicationScoped
public class AccountService {

    private final Audit audit;
    private final SignIn signIn;

    public AccountService(Audit audit, SignIn signIn) {
        this.audit = audit;
        this.signIn = signIn;
    }

    /** What an account looks like in the audit log: never the password hash. */
    static Map<String, Object> snapshot(Account account) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", account.email);
        state.put("display_name", account.displayName);
        state.put("role", account.role);
        state.put("disabled_at", account.disabledAt == null ? null : account.disabledAt.toString());
        return state;
    }

    public static Map<String, String> checkNewPassword(String password, String confirmation, String email) {
        Map<String, String> errors = new LinkedHashMap<>();
        PasswordPolicy.problem(password, email).ifPresent(p -> errors.put("password", p));
        if (errors.isEmpty() && !password.equals(confirmation)) {
            errors.put("confirmation", "The two passwords differ.");
        }
        return errors;
    }

    @Transactional
    public Account create(String email, String displayName, String password, Role role, Long actorId) {
        return persist(email, displayName, BcryptUtil.bcryptHash(password), role, actorId);
    }

    private Account persist(String email, String displayName, String passwordHash, Role role, Long actorId) {
        Account account = new Account();
        account.email = Account.normaliseEmail(email);
        account.displayName = Names.clean(displayName);
        account.passwordHash = passwordHash;
        account.role = role.code();
        account.createdAt = OffsetDateTime.now();
        account.persist();
        audit.record(actorId, "create", "account", account.id, null, snapshot(account));
        return account;
    }

    /**
     * Uses an invitation found usable a moment ago: the new account, or the form's errors, or
     * nothing when it can no longer be used, because another accept of the same link got there
     * first or it has just expired. However many accepts race, the invitation's row lock lets
     * one make the account, and the others are told the link is used.
     */
    public Optional<Result<Account>> accept(Invitation invitation, String displayName, String password,
            String confirmation) {
        Map<String, String> errors = new LinkedHashMap<>();
        nameProblem(displayName).ifPresent(problem -> errors.put("name", problem));
        errors.putAll(checkNewPassword(password, confirmation, invitation.email));
        if (!errors.isEmpty()) {
            return Optional.of(Result.failed(errors));
        }
        String passwordHash = BcryptUtil.bcryptHash(password);   // slow on purpose: not inside the transaction
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Invitation> locked = Invitation.lockIfUsable(invitation.id);
            if (locked.isEmpty()) {
                return Optional.empty();
            }
            Account.lockAddress(invitation.email);
            if (Account.findByEmail(invitation.email).isPresent()) {
                return Optional.of(Result.failed(Map.of("", "An account for " + invitation.email
                        + " exists already: sign in with it instead.")));
            }
            Account account = persist(invitation.email, displayName, passwordHash, invitation.roleEnum(),
                    invitation.invitedBy.id);
            locked.get().usedAt = OffsetDateTime.now();
            locked.get().usedBy = account;
            audit.record(account.id, "use", "invitation", invitation.id, Map.of("state", "open"),
                    Map.of("state", "used"));
            return Optional.of(Result.ok(account));
        });
    }

    /**
     * Makes the first admin through a setup link found usable a moment ago: the new admin, or the
     * form's errors, or nothing when the link can no longer make one, because the same link or
     * another way (RINGWATCH_ADMIN_*, a newer link on another instance) made an admin first. The
     * first-admin lock and the token's row lock let one of any number of racing requests through.
     */
    public Optional<Result<Account>> createFirstAdmin(String token, String email, String displayName,
            String password, String confirmation) {
        Map<String, String> errors = new LinkedHashMap<>();
        emailProblem(email).ifPresent(problem -> errors.put("email", problem));
        nameProblem(displayName).ifPresent(problem -> errors.put("name", problem));
        errors.putAll(checkNewPassword(password, confirmation, email));
        if (!errors.isEmpty()) {
            return Optional.of(Result.failed(errors));
        }
        String passwordHash = BcryptUtil.bcryptHash(password);   // slow on purpose: not inside the transaction
        return QuarkusTransaction.requiringNew().call(() -> {
            Account.lockFirstAdmin();
            Optional<SetupToken> locked = SetupToken.lockIfUsable(token);
            if (locked.isEmpty() || Account.adminExists()) {
                return Optional.empty();
            }
            Account.lockAddress(email);
            if (Account.findByEmail(email).isPresent()) {
                return Optional.of(Result.failed(Map.of("email", "There is an account for this address already;"
                        + " choose another for the admin.")));
            }
            Account admin = persist(email, displayName, passwordHash, Role.ADMIN, null);
            locked.get().usedAt = OffsetDateTime.now();
            locked.get().usedBy = admin;
            audit.record(admin.id, "use", "setup_token", locked.get().id, Map.of("state", "open"),
                    Map.of("state", "used"));
            return Optional.of(Result.ok(admin));
        });
    }

    private static Optional<String> emailProblem(String email) {
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return Optional.of("Give an e-mail address such as name@example.org.");
        }
        return Optional.empty();
    }

    private static Optional<String> nameProblem(String displayName) {
        if (displayName == null || Names.clean(displayName).isEmpty()) {
            return Optional.of("Give the name other volunteers will see.");
        }
        if (Names.clean(displayName).length() > 80) {
            return Optional.of("Use at most 80 characters.");
        }
        return Optional.empty();
    }

    @Transactional
    public Result<Invitation.Issued> invite(Account inviter, String email, String roleCode, int days) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Role> role = Role.fromCode(roleCode);
        Optional<String> emailProblem = emailProblem(email);
        if (emailProblem.isPresent()) {
            errors.put("email", emailProblem.get());
        } else if (Account.findByEmail(email).isPresent()) {
            errors.put("email", "There is an account for this address already.");
        }
        if (role.isEmpty()) {
            errors.put("role", "Choose volunteer, moderator or admin.");
        } else if (!inviter.roleEnum().canGrant(role.get())) {
            errors.put("role", "You cannot invite someone as " + role.get().code() + ".");
        }
        if (days < 1 || days > 30) {
            errors.put("days", "An invitation lasts from 1 to 30 days.");
        }
        if (!errors.isEmpty()) {
            return Result.failed(errors);
        }
        Invitation.Issued issued = Invitation.issue(inviter, email, role.get(), OffsetDateTime.now().plusDays(days));
        issued.invitation().persist();
        audit.record(inviter.id, "create", "invitation", issued.invitation().id, null,
                Map.of("email", issued.invitation().email, "role", issued.invitation().role,
                        "expires_at", issued.invitation().expiresAt.toString()));
        return Result.ok(issued);
    }

    @Transactional
    public boolean revokeInvitation(Account actor, long id) {
        Invitation invitation = Invitation.findById(id);
        if (invitation == null || !"open".equals(invitation.state())) {
            return false;
        }
        invitation.revokedAt = OffsetDateTime.now();
        audit.record(actor.id, "revoke", "invitation", id, Map.of("state", "open"), Map.of("state", "revoked"));
        return true;
    }

    @Transactional
    public ApiToken.Issued issueToken(Account account, String label) {
        return issue(account, label == null || label.isBlank() ? "Personal token" : Names.clean(label),
                ApiToken.Kind.PERSONAL);
    }

    /**
     * A read key for {@code account}, or the label's error. Each key has its own bucket, so an
     * account holds a bounded number at once: otherwise more keys would simply mean more reads.
     */
    @Transactional
    public Result<ApiToken.Issued> issueReadKey(Account account, String label, int mostActive) {
        String clean = label == null ? "" : Names.clean(label);
        if (clean.isEmpty()) {
            return Result.failed(Map.of("keyLabel", "Say what the key is for, such as the newsroom's script."));
        }
        if (clean.length() > 80) {
            return Result.failed(Map.of("keyLabel", "Use at most 80 characters."));
        }
        if (ApiToken.activeOf(account, ApiToken.Kind.READ) >= mostActive) {
            return Result.failed(Map.of("keyLabel", "You have " + mostActive + " active read keys, the most one"
                    + " account may hold. Revoke one you no longer use first."));
        }
        return Result.ok(issue(account, clean, ApiToken.Kind.READ));
    }

    private ApiToken.Issued issue(Account account, String label, ApiToken.Kind kind) {
        ApiToken.Issued issued = ApiToken.issue(Account.findById(account.id), label, kind);
        issued.row().persist();
        audit.record(account.id, "create", "api_token", issued.row().id, null,
                Map.of("label", issued.row().label, "kind", kind.code));
        return issued;
    }

    /** Revokes one of the account's own tokens or read keys. @return the row revoked, if it was active */
    @Transactional
    public Optional<ApiToken> revokeToken(Account account, long tokenId) {
        ApiToken token = ApiToken.findById(tokenId);
        if (token == null || !token.account.id.equals(account.id) || token.isRevoked()) {
            return Optional.empty();
        }
        token.revokedAt = OffsetDateTime.now();
        audit.record(account.id, "revoke", "api_token", tokenId, Map.of("revoked", false), Map.of("revoked", true));
        return Optional.of(token);
    }

    /**
     * An admin sets a read key's own limit per window, or clears it ({@code limit} blank) to
     * return the key to the configured default. @return the field's error, if any
     */
    @Transactional
    public Map<String, String> setKeyLimit(Account admin, long keyId, String limit) {
        ApiToken key = ApiToken.findById(keyId);
        if (key == null || !key.isReadKey() || key.isRevoked()) {
            return Map.of("", "That read key does not exist or was revoked.");
        }
        Integer value;
        try {
            value = limit == null || limit.isBlank() ? null : Integer.valueOf(limit.strip());
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value != null && (value < 1 || value > 1_000_000)) {
            return Map.of("limit", "Give a whole number of requests from 1 to 1,000,000, or leave it empty for"
                    + " the default.");
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("rate_limit", key.rateLimit);
        key.rateLimit = value;
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rate_limit", value);
        audit.record(admin.id, "set_limit", "api_token", key.id, before, after);
        return Map.of();
    }

    /** Signs the account out everywhere: every cookie issued before stops working. */
    @Transactional
    public void endSessions(long accountId) {
        Account account = Account.findById(accountId);
        account.sessionEpoch++;
    }

    @Transactional
    public Map<String, String> updateProfile(Account current, String displayName, String postalAddress, String phone) {
        Account account = Account.findById(current.id);
        if (displayName == null || Names.clean(displayName).isEmpty()) {
            return Map.of("name", "Give the name other volunteers will see.");
        }
        Map<String, Object> before = snapshot(account);
        account.displayName = Names.clean(displayName);
        account.postalAddress = postalAddress == null || postalAddress.isBlank() ? null : postalAddress.strip();
        account.phone = phone == null || phone.isBlank() ? null : phone.strip();
        audit.record(account.id, "update", "account", account.id, before, snapshot(account));
        return Map.of();
    }

    /**
     * A new password ends everything the old one opened: every session (the epoch rises) and
     * every API token, since whoever knew the old password may have made one. The caller
     * signs this device in again with the account returned, which carries the new epoch.
     */
    public Result<Account> changePassword(Account current, String currentPassword, String password,
            String confirmation, String address) {
        // bcrypt twice, slow on purpose: before the transaction, not inside it; the first one
        // counted and bounded like a sign-in.
        SignIn.Outcome check = signIn.verify(current.email, currentPassword, address);
        if (check.account().isEmpty()) {
            return Result.failed(Map.of("current", check.refusal() == SignIn.Refusal.FAILED
                    ? "That is not your current password." : check.problem()));
        }
        Map<String, String> errors = checkNewPassword(password, confirmation, current.email);
        if (!errors.isEmpty()) {
            return Result.failed(errors);
        }
        String passwordHash = BcryptUtil.bcryptHash(password);
        return QuarkusTransaction.requiringNew().call(() -> {
            Account account = Account.findById(current.id);
            account.passwordHash = passwordHash;
            account.sessionEpoch++;
            int revoked = ApiToken.revokeAllOf(account);
            audit.record(account.id, "change_password", "account", account.id, null,
                    Map.of("api_tokens_revoked", revoked));
            return Result.ok(account);
        });
    }

    /** Admins change roles and disable accounts; nobody changes their own. */
    @Transactional
    public Map<String, String> administer(Account admin, long accountId, String roleCode, boolean disabled) {
        Account account = Account.findById(accountId);
        if (account == null) {
            return Map.of("", "No such account.");
        }
        if (account.id.equals(admin.id)) {
            return Map.of("", "You cannot change your own role or disable yourself; ask another admin.");
        }
        Optional<Role> role = Role.fromCode(roleCode);
        if (role.isEmpty()) {
            return Map.of("role", "Choose volunteer, moderator or admin.");
        }
        Map<String, Object> before = snapshot(account);
        account.role = role.get().code();
        if (disabled && account.disabledAt == null) {
            account.disabledAt = OffsetDateTime.now();
            account.sessionEpoch++;
            ApiToken.revokeAllOf(account);
        } else if (!disabled) {
            account.disabledAt = null;
        }
        audit.record(admin.id, "administer", "account", account.id, before, snapshot(account));
        return Map.of();
    }

    /** A value, or the field errors that prevented it. */
    public record Result<T>(T value, Map<String, String> errors) {
        static <T> Result<T> ok(T value) {
            return new Result<>(value, Map.of());
        }

        static <T> Result<T> failed(Map<String, String> errors) {
            return new Result<>(null, errors);
        }

        public boolean failed() {
            return !errors.isEmpty();
        }
    }
}
