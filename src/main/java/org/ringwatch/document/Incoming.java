package org.ringwatch.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Bytes received into a temporary file of a {@link BlobStore} ({@link BlobStore#receive}), hashed
 * as they were written: one pass over an upload, where spooling it and then reading it again to
 * hash it took two. {@link BlobStore#keep} gives it its real name; until then it is a temporary
 * file, which its reader deletes if it is not kept, and the sweeper if the process died.
 *
 * @param file   the temporary file; null when the bytes were over the limit and not kept
 * @param sha256 their SHA-256; null when over the limit
 * @param size   how many bytes arrived (all of them, also past the limit)
 * @param head   the first bytes, for {@link FileType#detect(byte[], Path)}
 */
public record Incoming(Path file, String sha256, long size, byte[] head) {

    /** Reads and hashes in steps this large: the hash, not the calls, sets the pace. */
    private static final int BUFFER = 128 * 1024;

    /** True when more than the limit arrived: nothing was kept. */
    public boolean tooLarge() {
        return file == null;
    }

    /**
     * Writes {@code in} to a new file in {@code directory}, hashing on the way. Past {@code limit}
     * bytes the file is deleted and the rest read and dropped, so the caller can go on reading
     * what follows. An error writing the file is unchecked (the server's problem); one reading
     * {@code in} is an IOException (the upload did not arrive).
     */
    static Incoming write(InputStream in, Path directory, long limit) throws IOException {
        Path file = directory.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER];
        byte[] head = new byte[FileType.SNIFF_BYTES];
        int headLength = 0;
        long size = 0;
        boolean kept = false;
        FileChannel channel = open(file);
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                size += n;
                if (size > limit) {
                    size += in.transferTo(OutputStream.nullOutputStream());
                    return new Incoming(null, null, size, null);
                }
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                digest.update(buffer, 0, n);
                writeFully(channel, ByteBuffer.wrap(buffer, 0, n), file);
            }
            kept = true;
        } finally {
            close(channel, file);
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
        return new Incoming(file, HexFormat.of().formatHex(digest.digest()), size, Arrays.copyOf(head, headLength));
    }

    private static FileChannel open(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file, e);
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, Path file) {
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void close(FileChannel channel, Path file) {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
