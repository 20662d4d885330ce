package org.ringwatch.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A volunteer, moderator or admin. Emails are stored lower-case (one account per address,
 * whatever the case typed); the password is a bcrypt hash in Modular Crypt Format.
 */
@Entity
@UserDefinition
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    public String email;

    public String displayName;

    @Password(PasswordType.MCF)
    public String passwordHash;

    @Roles
    public String role;

    public OffsetDateTime disabledAt;
    public OffsetDateTime createdAt;
    /** Raised to end every session of the account at once. */
    public int sessionEpoch;
    /** Private: goes into the owner's own letters, never shown to anyone else. */
    public String postalAddress;
    public String phone;

    public static Optional<Account> findByEmail(String email) {
        return email == null ? Optional.empty() : find("email", normaliseEmail(email)).firstResultOptional();
    }

    /**
     * Holds account creation for this address until the transaction ends, so two invitations to
     * one address accepted at the same moment make one account and one clear refusal, not a
     * unique-index failure.
     */
    static void lockAddress(String email) {
        getEntityManager().createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) locked")
                .setParameter(1, normaliseEmail(email)).getSingleResult();
    }

    /** The advisory lock's key for making the first admin, the same on every instance: "RWADMIN" in ASCII. */
    private static final long FIRST_ADMIN_LOCK = 0x52_57_41_44_4D_49_4EL;

    /**
     * Holds the making of a first admin until the transaction ends, on every instance: two
     * instances that start together with RINGWATCH_ADMIN_* set, a setup link used twice at once,
     * or both, must not each find no admin and each make one. Take it before asking {@link #adminExists()}.
     */
    static void lockFirstAdmin() {
        getEntityManager().createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) locked")
                .setParameter(1, FIRST_ADMIN_LOCK).getSingleResult();
    }

    static boolean adminExists() {
        return count("role", Role.ADMIN.code()) > 0;
    }

    /** Every account, oldest first, for the moderators' list. */
    public static List<Account> oldestFirst() {
        return list("order by createdAt");
    }

    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public Role roleEnum() {
        return Role.fromCode(role).orElseThrow();
    }

    public boolean isDisabled() {
        return disabledAt != null;
    }

    public boolean isModerator() {
        return roleEnum() != Role.VOLUNTEER;
    }
}
