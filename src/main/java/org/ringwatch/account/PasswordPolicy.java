package org.ringwatch.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which passwords we accept [ASVS 6.2]: at least 10 characters, at most 72 bytes (bcrypt
 * ignores the rest, so a longer one would only seem stronger), not one of the most common
 * passwords, not the account's own e-mail address.
 */
public final class PasswordPolicy {

    public static final int MIN_CHARACTERS = 10;
    public static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** @return why the password is refused, or empty if it is acceptable */
    public static Optional<String> problem(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return Optional.of("Use at least " + MIN_CHARACTERS + " characters; a few words together work well.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Use at most " + MAX_BYTES + " bytes (about " + MAX_BYTES
                    + " letters, fewer with accents or emoji): longer passwords are cut short when stored.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("This password is among the most common ones and is guessed first; choose another.");
        }
        if (email != null && (lower.equals(email.toLowerCase(Locale.ROOT))
                || lower.equals(email.toLowerCase(Locale.ROOT).split("@")[0]))) {
            return Optional.of("Do not use your e-mail address as your password.");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/account/common-passwords.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(passwords::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
