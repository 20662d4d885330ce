package org.ringwatch.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A personal API token. Only its SHA-256 is stored: the token itself is shown once, when made.
 * A token is random (256 bits), so a fast hash is enough; bcrypt is for what people choose.
 */
@Entity
public class ApiToken extends PanacheEntityBase {

    /** Tokens start with this, so a leaked one is recognisable in logs and secret scanners. */
    public static final String PREFIX = "rw_";
    private static final SecureRandom RANDOM = new SecureRandom();

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
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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

    public boolean isRevoked() {
        return revokedAt != null;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
