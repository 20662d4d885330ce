package org.ringwatch.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layout of a backup: {@code manifest.json}, {@code database/<table>.copy.gz} and
 * {@code blobs/<sha256>}. A restore {@link #verify verifies} all of it before it touches anything.
 */
public final class BackupDirectory {

    static final String DATABASE = "database";
    static final String BLOBS = "blobs";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private BackupDirectory() {
    }

    /** A backup is written into a new or empty directory, never over another one. */
    static void create(Path directory) throws IOException {
        if (Files.exists(directory) && !isEmptyDirectory(directory)) {
            throw new BackupException("The backup directory " + directory.toAbsolutePath()
                    + " is not empty; name a new directory");
        }
        Files.createDirectories(directory.resolve(DATABASE));
        Files.createDirectories(directory.resolve(BLOBS));
    }

    /**
     * Checks every file the manifest names against its size and SHA-256.
     *
     * @return the manifest, once everything in it is there unchanged
     * @throws BackupException naming the first file that is missing or differs
     */
    public static Manifest verify(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new BackupException("The backup directory " + directory.toAbsolutePath() + " does not exist");
        }
        Manifest manifest = Manifest.read(directory);
        for (Manifest.Table table : manifest.tables()) {
            Path file = directory.resolve(table.file()).normalize();
            if (!file.startsWith(directory.resolve(DATABASE).normalize())) {
                throw new BackupException("The manifest names " + table.file() + " for table " + table.name()
                        + ", outside " + DATABASE + "/");
            }
            check(file, table.size(), table.sha256(), "The file of table " + table.name() + " (" + table.file() + ")");
        }
        for (Manifest.Blob blob : manifest.blobs()) {
            if (!SHA256.matcher(blob.key()).matches() || !blob.key().equals(blob.sha256())) {
                throw new BackupException("The manifest lists a blob named '" + blob.key()
                        + "', which is not its SHA-256 " + blob.sha256());
            }
            check(blobFile(directory, blob.key()), blob.size(), blob.sha256(), "The blob " + blob.key());
        }
        return manifest;
    }

    static Path blobFile(Path directory, String key) {
        return directory.resolve(BLOBS).resolve(key);
    }

    /** Hex SHA-256 of everything read through {@code in}, to the end. */
    static String sha256(InputStream in) throws IOException {
        MessageDigest digest = digest();
        try (InputStream hashing = new DigestInputStream(in, digest)) {
            hashing.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(Path file, long size, String sha256, String what) {
        try {
            long actual = Files.size(file);
            if (actual != size) {
                throw new BackupException(what + " in " + file.getParent() + " has " + actual + " bytes, the manifest says "
                        + size + ": the backup was changed or damaged; nothing was restored");
            }
            String hash;
            try (InputStream in = Files.newInputStream(file)) {
                hash = sha256(in);
            }
            if (!hash.equals(sha256)) {
                throw new BackupException(what + " in " + file.getParent() + " does not match its SHA-256 in the manifest"
                        + " (" + hash + "): the backup was changed or damaged; nothing was restored");
            }
        } catch (NoSuchFileException e) {
            throw new BackupException(what + " is missing from the backup (" + file + "); nothing was restored");
        } catch (IOException e) {
            throw new BackupException(what + " cannot be read (" + e.getMessage() + "); nothing was restored", e);
        }
    }

    private static boolean isEmptyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
