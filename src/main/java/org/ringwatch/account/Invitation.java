package org.ringwatch.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A single-use link that lets one person join with one role. The link's token is shown once;
 * only its SHA-256 is stored.
 */
@Entity
public class Invitation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String tokenHash;
    public String email;
    public String role;

    @ManyToOne(optional = false)
    @JoinColumn(name = "invited_by")
    public Account invitedBy;

    public OffsetDateTime expiresAt;
    public OffsetDateTime usedAt;

    @ManyToOne
    @JoinColumn(name = "used_by")
    public Account usedBy;

    public OffsetDateTime revokedAt;
    public OffsetDateTime createdAt;

    /** A new invitation and its token, to be shown once. */
    public record Issued(Invitation invitation, String token) {
    }

    public static Issued issue(Account inviter, String email, Role role, OffsetDateTime expiresAt) {
        String token = Secrets.random();
        Invitation invitation = new Invitation();
        invitation.tokenHash = Secrets.sha256(token);
        invitation.email = Account.normaliseEmail(email);
        invitation.role = role.code();
        invitation.invitedBy = inviter;
        invitation.expiresAt = expiresAt;
        invitation.createdAt = OffsetDateTime.now();
        return new Issued(invitation, token);
    }

    /** What makes an invitation usable, in HQL, with ?1 the time now. */
    private static final String USABLE = "usedAt is null and revokedAt is null and expiresAt > ?1";

    /** An invitation that can still be used; used, revoked, expired and unknown look the same. */
    public static Optional<Invitation> findUsable(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return find(USABLE + " and tokenHash = ?2", OffsetDateTime.now(), Secrets.sha256(token)).firstResultOptional();
    }

    /**
     * The invitation, locked until the transaction ends, if it is still usable. Of any number of
     * transactions asking at once, one gets it; the others wait for its lock, and PostgreSQL
     * then checks the row again as the first one left it: used, so they get nothing.
     */
    static Optional<Invitation> lockIfUsable(long id) {
        return find(USABLE + " and id = ?2", OffsetDateTime.now(), id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public static List<Invitation> latest() {
        return find("from Invitation i join fetch i.invitedBy left join fetch i.usedBy order by i.createdAt desc")
                .page(0, 200).list();
    }

    public String state() {
        if (usedAt != null) {
            return "used";
        }
        if (revokedAt != null) {
            return "revoked";
        }
        return expiresAt.isBefore(OffsetDateTime.now()) ? "expired" : "open";
    }

    public Role roleEnum() {
        return Role.fromCode(role).orElseThrow();
    }
}
