package org.ringwatch.account;

import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.logging.Logger;
import org.ringwatch.platform.RingWatchConfig;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The sign-in cookie: account id, session epoch and expiry, encrypted and authenticated with
 * AES-GCM. Nothing is stored on the server, so any instance can read it (design.md, scale-out);
 * raising the account's session epoch ends every cookie issued before.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String NAME = "rw_session";
    private static final Logger LOG = Logger.getLogger(SessionCookies.class);
    private static final int IV_BYTES = 12;

    /** What a valid cookie says. */
    public record Session(long accountId, int epoch) {
    }

    private final SecretKeySpec key;
    private final RingWatchConfig config;
    private final SecureRandom random = new SecureRandom();

    public SessionCookies(RingWatchConfig config) {
        this.config = config;
        this.key = new SecretKeySpec(keyBytes(config), "AES");
    }

    public NewCookie issue(Account account) {
        long expires = Instant.now().plus(config.session().maxAge()).getEpochSecond();
        String payload = "v1|" + account.id + "|" + account.sessionEpoch + "|" + expires;
        return cookie(encrypt(payload), (int) config.session().maxAge().toSeconds());
    }

    public NewCookie clear() {
        return cookie("", 0);
    }

    public Optional<Session> read(Cookie cookie) {
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Optional.empty();
        }
        try {
            String[] parts = decrypt(cookie.getValue()).split("\\|");
            if (parts.length != 4 || !parts[0].equals("v1")
                    || Long.parseLong(parts[3]) < Instant.now().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new Session(Long.parseLong(parts[1]), Integer.parseInt(parts[2])));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();   // tampered, foreign or from another key: simply not signed in
        }
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(NAME).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure(config.session().secureCookies()).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private String encrypt(String payload) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String decrypt(String value) throws GeneralSecurityException {
        byte[] bytes = Base64.getUrlDecoder().decode(value);
        if (bytes.length <= IV_BYTES) {
            throw new IllegalArgumentException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, IV_BYTES));
        return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
    }

    private static byte[] keyBytes(RingWatchConfig config) {
        String secret = config.session().secret().filter(s -> !s.isBlank()).orElseGet(() -> keyFile(config));
        if (secret.length() < 32) {
            throw new IllegalStateException("ringwatch.session.secret must be at least 32 characters long");
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One instance without a configured secret keeps a random one beside its database, so restarts keep sign-ins. */
    private static String keyFile(RingWatchConfig config) {
        Path file = Path.of(config.dataDir()).resolve("session.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    LOG.warnf("Could not restrict the permissions of %s", file);
                }
                LOG.infof("Created a session key in %s; set ringwatch.session.secret when running several instances",
                        file);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the session key " + file, e);
        }
    }
}
