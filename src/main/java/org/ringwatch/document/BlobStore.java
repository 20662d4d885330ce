package org.ringwatch.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Where document bytes live, addressed by their SHA-256. A blob is visible only once it is
 * complete (written, flushed to disk, then moved into place), so the database can reference
 * it safely after {@link #put} returns.
 */
public interface BlobStore {

    /** What was stored: its address and size, and whether those bytes were there already. */
    record Stored(String sha256, long size, boolean alreadyPresent) {
    }

    /** Copies {@code source} into the store, hashing as it goes; the source is left in place. */
    Stored put(Path source) throws IOException;

    /**
     * Stores the bytes of a file the caller no longer needs (an upload the HTTP layer spooled):
     * the store may move the file in instead of copying it, so the source may be gone afterwards.
     * What is stored, and when it is visible, is as for {@link #put}.
     */
    default Stored take(Path source) throws IOException {
        return put(source);
    }

    boolean exists(String sha256);

    long size(String sha256) throws IOException;

    /** Reads from {@code offset}; the caller closes the stream. */
    InputStream open(String sha256, long offset) throws IOException;

    /** Re-hashes the stored bytes: false when they no longer match their name. */
    boolean verify(String sha256) throws IOException;

    /**
     * Removes blobs not in {@code referenced} and older than {@code grace}, and temporary files
     * left by interrupted writes.
     *
     * @return how many files were removed
     */
    int sweep(Set<String> referenced, Duration grace) throws IOException;
}
