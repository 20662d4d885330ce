package org.ringwatch.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Blobs on the local disk: {@code <root>/ab/cd/<sha256>}. Writes go to {@code <root>/tmp/} under
 * a random name, are forced to disk, then renamed into place, so a crash leaves at worst a
 * temporary file for the sweeper, never a half-written blob under a real name. An upload is
 * received straight into {@code tmp/}, hashed as it is written ({@link #receive}), so its bytes
 * are written once.
 */
public class FileSystemBlobStore implements BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path temp;

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.temp = this.root.resolve("tmp");
        try {
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob directory " + this.root, e);
        }
    }

    @Override
    public Stored put(Path source) throws IOException {
        Path partial = temp.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest);
             FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            size = in.transferTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        Path target = path(sha);
        if (Files.exists(target)) {
            Files.delete(partial);
            // Found again: it is about to be referenced, so it must not look old to the sweeper.
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            return new Stored(sha, size, true);
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(partial);   // another upload of the same bytes won the race
            return new Stored(sha, size, true);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        forceDirectory(target.getParent());
        return new Stored(sha, size, false);
    }

    @Override
    public Incoming receive(InputStream in, long limit) throws IOException {
        return Incoming.write(in, temp, limit);
    }

    /**
     * The bytes were hashed as they were written into {@code tmp/}: they are forced to disk and
     * renamed into place, never written a second time.
     */
    @Override
    public Stored keep(Incoming incoming) throws IOException {
        Path source = incoming.file();
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ)) {
            channel.force(true);   // on disk before it has a real name
        }
        Path target = path(incoming.sha256());
        if (Files.exists(target)) {
            Files.delete(source);
            // Found again: it is about to be referenced, so it must not look old to the sweeper.
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            return new Stored(incoming.sha256(), incoming.size(), true);
        }
        Files.createDirectories(target.getParent());
        // rename(2) within the store: atomic, and a concurrent upload of the same bytes only
        // replaces equal bytes.
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(target.getParent());
        return new Stored(incoming.sha256(), incoming.size(), false);
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    @Override
    public long size(String sha256) throws IOException {
        return Files.size(path(sha256));
    }

    @Override
    public InputStream open(String sha256, long offset) throws IOException {
        FileChannel channel = FileChannel.open(path(sha256), StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public boolean verify(String sha256) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path(sha256)), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest()).equals(sha256);
    }

    @Override
    public int sweep(Set<String> referenced, Duration grace) throws IOException {
        Instant cutoff = Instant.now().minus(grace);
        int removed = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            boolean orphan = file.startsWith(temp) || (SHA256.matcher(name).matches() && !referenced.contains(name));
            if (orphan && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                Files.deleteIfExists(file);
                removed++;
            }
        }
        return removed;
    }

    Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** The rename itself must survive a crash: flush the directory entry too. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open directories; the data itself was forced already.
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
