package org.ringwatch.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A personal API token. Only its SHA-256 is stored: the token itself is shown once, when made.
 */
@Entity
public class ApiToken extends PanacheEntityBase {

    /** Tokens start with this, so a leaked one is recognisable in logs and secret scanners. */
    public static final String PREFIX = "rw_";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    public String tokenHash;
    public String label;
    public OffsetDateTime lastUsedAt;
    public OffsetDateTime revokedAt;
    public OffsetDateTime createdAt;

    /** A new token and its row; the caller persists the row and shows the token once. */
    public record Issued(ApiToken row, String token) {
    }

    public static Issued issue(Account account, String label) {
        String token = PREFIX + Secrets.random();
        ApiToken row = new ApiToken();
        row.account = account;
        row.tokenHash = hash(token);
        row.label = label;
        row.createdAt = OffsetDateTime.now();
        return new Issued(row, token);
    }

    public static Optional<ApiToken> findActive(String token) {
        return find("from ApiToken t join fetch t.account where t.tokenHash = ?1 and t.revokedAt is null", hash(token))
                .firstResultOptional();
    }

    public static List<ApiToken> ofAccount(Account account) {
        return list("account = ?1 order by createdAt desc", account);
    }

    /** Revokes every token of the account still active; needs a transaction. @return how many */
    static int revokeAllOf(Account account) {
        return update("revokedAt = ?1 where account = ?2 and revokedAt is null", OffsetDateTime.now(), account);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    static String hash(String token) {
        return Secrets.sha256(token);
    }
}
