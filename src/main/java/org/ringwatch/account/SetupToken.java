package org.ringwatch.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The one-time link a start prints while no admin exists (see {@link FirstRunSetup}). Like an
 * invitation's, the token is shown once and only its SHA-256 is stored.
 */
@Entity
public class SetupToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String tokenHash;
    public OffsetDateTime expiresAt;
    public OffsetDateTime usedAt;

    @ManyToOne
    @JoinColumn(name = "used_by")
    public Account usedBy;

    public OffsetDateTime createdAt;

    /** What makes a setup token usable, in HQL, with ?1 the time now. */
    private static final String USABLE = "usedAt is null and expiresAt > ?1";

    /**
     * A new token, stored as its hash, in place of every unused older one: only the link printed
     * last works. @return the token, to be shown once
     */
    static String replaceAll(OffsetDateTime expiresAt) {
        delete("usedAt is null");
        String token = Secrets.random();
        SetupToken row = new SetupToken();
        row.tokenHash = Secrets.sha256(token);
        row.expiresAt = expiresAt;
        row.createdAt = OffsetDateTime.now();
        row.persist();
        return token;
    }

    /** The token's row if it can still be used; unknown, replaced, used and expired look the same. */
    static Optional<SetupToken> findUsable(String token) {
        return usable(token).flatMap(query -> query.<SetupToken>firstResultOptional());
    }

    /**
     * The token's row, locked until the transaction ends, if it is still usable: of two requests
     * with the same link, the second waits for the first and then finds it used.
     */
    static Optional<SetupToken> lockIfUsable(String token) {
        return usable(token).flatMap(query -> query.withLock(LockModeType.PESSIMISTIC_WRITE)
                .<SetupToken>firstResultOptional());
    }

    private static Optional<PanacheQuery<SetupToken>> usable(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return Optional.of(find(USABLE + " and tokenHash = ?2", OffsetDateTime.now(), Secrets.sha256(token)));
    }
}
