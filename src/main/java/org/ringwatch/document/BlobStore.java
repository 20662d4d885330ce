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
     * Writes {@code in} into a temporary file of the store while hashing it: an upload read as
     * it arrives. Past {@code limit} bytes nothing is kept and the rest of {@code in} is read and
     * dropped. The file is the caller's to {@link #keep} or delete; one left behind by a crash is
     * removed by {@link #sweep}.
     *
     * @throws IOException when reading {@code in} fails (the upload did not arrive whole); the
     *                     file is gone then. Writing the file fails unchecked.
     */
    Incoming receive(InputStream in, long limit) throws IOException;

    /**
     * Stores received bytes under their hash; the temporary file is gone afterwards. What is
     * stored, and when it is visible, is as for {@link #put}.
     */
    Stored keep(Incoming incoming) throws IOException;

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
