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
 * A personal API token or a read key. Only its SHA-256 is stored: the secret itself is shown
 * once, when made. A personal token signs its account in for the API (writes included); a read
 * key signs nobody in and only raises its holder's read rate limit (see {@link ReadLimits}).
 */
@Entity
public class ApiToken extends PanacheEntityBase {

    /** Personal tokens start with this, so a leaked one is recognisable in logs and secret scanners. */
    public static final String PREFIX = "rw_";
    /** Read keys start with this: recognisable too, and told apart from a personal token before any lookup. */
    public static final String READ_PREFIX = "rwr_";

    /** What the secret is good for. */
    public enum Kind {
        /** Sent as {@code Authorization: Bearer}: acts as its account, reads and writes. */
        PERSONAL("personal", PREFIX),
        /** Sent as {@code X-Api-Key}: reads as the public does, at a key's rate. */
        READ("read", READ_PREFIX);

        public final String code;
        final String prefix;

        Kind(String code, String prefix) {
            this.code = code;
            this.prefix = prefix;
        }
    }

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
    /** {@link Kind#code}. */
    public String kind;
    /** A read key's own limit per window, set by an admin; null means the configured default. */
    public Integer rateLimit;

    /** A new token and its row; the caller persists the row and shows the token once. */
    public record Issued(ApiToken row, String token) {
    }

    public static Issued issue(Account account, String label, Kind kind) {
        String token = kind.prefix + Secrets.random();
        ApiToken row = new ApiToken();
        row.account = account;
        row.tokenHash = hash(token);
        row.label = label;
        row.kind = kind.code;
        row.createdAt = OffsetDateTime.now();
        return new Issued(row, token);
    }

    /** An unrevoked personal token: a read key never signs anyone in. */
    public static Optional<ApiToken> findActive(String token) {
        return findActive(token, Kind.PERSONAL);
    }

    /** An unrevoked token of this kind whose account is not disabled, with its account. */
    static Optional<ApiToken> findActive(String token, Kind kind) {
        return find("from ApiToken t join fetch t.account where t.tokenHash = ?1 and t.kind = ?2"
                + " and t.revokedAt is null", hash(token), kind.code).<ApiToken>firstResultOptional()
                .filter(t -> !t.account.isDisabled());
    }

    /** The account's tokens of this kind, newest first. */
    public static List<ApiToken> ofAccount(Account account, Kind kind) {
        return list("account = ?1 and kind = ?2 order by createdAt desc", account, kind.code);
    }

    static long activeOf(Account account, Kind kind) {
        return count("account = ?1 and kind = ?2 and revokedAt is null", account, kind.code);
    }

    /** Every active read key, with its owner, for the admins' page. */
    static List<ApiToken> activeReadKeys() {
        return find("from ApiToken t join fetch t.account where t.kind = ?1 and t.revokedAt is null"
                + " order by t.createdAt", Kind.READ.code).list();
    }

    /** Revokes every token and key of the account still active; needs a transaction. @return how many */
    static int revokeAllOf(Account account) {
        return update("revokedAt = ?1 where account = ?2 and revokedAt is null", OffsetDateTime.now(), account);
    }

    /** Records a use, coarsely: a write per request would be too many. Needs a transaction. */
    void markUsed() {
        if (lastUsedAt == null || lastUsedAt.isBefore(OffsetDateTime.now().minusMinutes(5))) {
            lastUsedAt = OffsetDateTime.now();
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isReadKey() {
        return Kind.READ.code.equals(kind);
    }

    static String hash(String token) {
        return Secrets.sha256(token);
    }
}
