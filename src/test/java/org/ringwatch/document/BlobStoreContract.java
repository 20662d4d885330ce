package org.ringwatch.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link BlobStore} does, whatever keeps the bytes. A store's test extends this and
 * supplies an empty store per test and two hooks that go behind the store's back.
 *
 * <p>Sweeping is tested with a grace of zero, so the cutoff is the moment {@code sweep} is called:
 * {@link #makeOlderThanNow} has to put the blobs before it. A store that keeps its own times (the
 * file system) back-dates them; one whose times are the server's (S3's LastModified, to the
 * second) can wait instead. What a non-zero grace keeps is tested with a blob just written.
 */
abstract class BlobStoreContract {

    /** Source files to put; the store's own directory, if it has one, can live here too. */
    @TempDir
    protected Path work;

    /** An empty store, called once per test. */
    protected abstract BlobStore store() throws IOException;

    /** Replaces the stored bytes of a blob without the store knowing (disk rot, a bad restore). */
    protected abstract void corrupt(String sha256, byte[] bytes) throws IOException;

    /** Makes these blobs count as written before the next {@code sweep} call's "now". */
    protected abstract void makeOlderThanNow(String... sha256) throws Exception;

    @Test
    void shouldStoreBytesUnderTheirSha256OnceAndLeaveTheSourceInPlace() throws IOException {
        BlobStore store = store();
        Path source = file("a.txt", "hello ringwatch");

        BlobStore.Stored first = store.put(source);
        BlobStore.Stored second = store.put(file("b.txt", "hello ringwatch"));

        assertEquals(sha256("hello ringwatch".getBytes(StandardCharsets.UTF_8)), first.sha256());
        assertEquals(15, first.size());
        assertFalse(first.alreadyPresent());
        assertTrue(second.alreadyPresent(), "the same bytes under another name are stored once");
        assertEquals(first.sha256(), second.sha256());
        assertEquals(first.size(), second.size());
        assertTrue(store.exists(first.sha256()));
        assertEquals(15, store.size(first.sha256()));
        assertEquals("hello ringwatch", Files.readString(source), "put copies, the caller's file stays");
    }

    @Test
    void shouldReceiveBytesHashedAsTheyArriveAndKeepThemAsPutWould() throws IOException {
        BlobStore store = store();
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);

        Incoming received = store.receive(new java.io.ByteArrayInputStream(bytes), bytes.length);
        Incoming again = store.receive(new java.io.ByteArrayInputStream(bytes), bytes.length);

        assertEquals(sha256(bytes), received.sha256(), "hashed on the way in");
        assertEquals(bytes.length, received.size());
        assertArrayEquals(java.util.Arrays.copyOf(bytes, FileType.SNIFF_BYTES), received.head());
        BlobStore.Stored kept = store.keep(received);
        BlobStore.Stored keptAgain = store.keep(again);
        assertEquals(received.sha256(), kept.sha256());
        assertEquals(bytes.length, kept.size());
        assertFalse(kept.alreadyPresent());
        assertTrue(keptAgain.alreadyPresent(), "the same bytes received twice are stored once");
        assertFalse(Files.exists(received.file()), "kept: the received file is not left behind");
        assertFalse(Files.exists(again.file()));
        assertArrayEquals(bytes, read(store, kept.sha256(), 0));
        assertTrue(store.verify(kept.sha256()));
    }

    @Test
    void shouldKeepNothingOfBytesOverTheLimitAndReadThemToTheirEnd() throws IOException {
        BlobStore store = store();
        java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(new byte[100_001]);

        Incoming received = store.receive(in, 100_000);

        assertTrue(received.tooLarge());
        assertEquals(100_001, received.size(), "all of it was counted");
        assertEquals(0, in.available(), "and read, so what follows it can be");
        assertEquals(0, store.sweep(Set.of(), Duration.ZERO), "no temporary file left to sweep");
    }

    @Test
    void shouldReadFromAnOffset() throws IOException {
        BlobStore store = store();
        String sha = store.put(file("a.txt", "hello ringwatch")).sha256();

        assertArrayEquals("hello ringwatch".getBytes(), read(store, sha, 0));
        assertArrayEquals("ringwatch".getBytes(), read(store, sha, 6));
        assertArrayEquals("h".getBytes(), read(store, sha, 14));
        assertArrayEquals(new byte[0], read(store, sha, 15), "at the end there is nothing left to read");
    }

    @Test
    void shouldKeepBinaryBytesExactly() throws IOException {
        BlobStore store = store();
        byte[] bytes = new byte[300_000];
        new Random(42).nextBytes(bytes);
        Path source = Files.write(work.resolve("random.bin"), bytes);

        BlobStore.Stored stored = store.put(source);

        assertEquals(sha256(bytes), stored.sha256());
        assertEquals(bytes.length, store.size(stored.sha256()));
        assertArrayEquals(bytes, read(store, stored.sha256(), 0));
        byte[] tail = new byte[bytes.length - 123_457];
        System.arraycopy(bytes, 123_457, tail, 0, tail.length);
        assertArrayEquals(tail, read(store, stored.sha256(), 123_457));
        assertTrue(store.verify(stored.sha256()));
    }

    @Test
    void shouldStoreAnEmptyFile() throws IOException {
        BlobStore store = store();

        BlobStore.Stored stored = store.put(file("empty", ""));

        assertEquals(sha256(new byte[0]), stored.sha256());
        assertEquals(0, stored.size());
        assertEquals(0, store.size(stored.sha256()));
        assertArrayEquals(new byte[0], read(store, stored.sha256(), 0));
        assertTrue(store.verify(stored.sha256()));
    }

    @Test
    void shouldNoLongerVerifyBytesThatChanged() throws IOException {
        BlobStore store = store();
        String sha = store.put(file("a.txt", "hello ringwatch")).sha256();
        assertTrue(store.verify(sha));

        corrupt(sha, "tampered".getBytes(StandardCharsets.UTF_8));

        assertFalse(store.verify(sha), "changed bytes no longer match their name");
    }

    @Test
    void shouldReportAMissingBlob() throws IOException {
        BlobStore store = store();
        String missing = sha256("never stored".getBytes(StandardCharsets.UTF_8));

        assertFalse(store.exists(missing));
        assertThrows(NoSuchFileException.class, () -> store.size(missing));
        assertThrows(NoSuchFileException.class, () -> store.open(missing, 0).close());
        assertThrows(NoSuchFileException.class, () -> store.verify(missing));
    }

    @Test
    void shouldRefuseANameThatIsNotASha256() throws IOException {
        BlobStore store = store();
        String valid = sha256(new byte[0]);
        for (String name : List.of("", "../../etc/passwd", valid.toUpperCase(), valid.substring(1),
                valid + "0", "../" + valid.substring(3), valid.substring(0, 63) + "g")) {
            assertThrows(IllegalArgumentException.class, () -> store.exists(name), name);
            assertThrows(IllegalArgumentException.class, () -> store.size(name), name);
            assertThrows(IllegalArgumentException.class, () -> store.open(name, 0), name);
            assertThrows(IllegalArgumentException.class, () -> store.verify(name), name);
        }
    }

    @Test
    void shouldSweepUnreferencedBlobsOlderThanTheGrace() throws Exception {
        BlobStore store = store();
        String kept = store.put(file("kept", "referenced")).sha256();
        String orphan = store.put(file("orphan", "nobody points here")).sha256();
        makeOlderThanNow(kept, orphan);

        int removed = store.sweep(Set.of(kept), Duration.ZERO);

        assertEquals(1, removed);
        assertTrue(store.exists(kept));
        assertFalse(store.exists(orphan));
        BlobStore.Stored again = store.put(file("orphan again", "nobody points here"));
        assertFalse(again.alreadyPresent(), "swept bytes are stored again when they come back");
        assertArrayEquals("nobody points here".getBytes(), read(store, orphan, 0));
    }

    @Test
    void shouldKeepUnreferencedBlobsWithinTheGrace() throws IOException {
        BlobStore store = store();
        String young = store.put(file("young", "just written")).sha256();

        int removed = store.sweep(Set.of(), Duration.ofHours(1));

        assertEquals(0, removed);
        assertTrue(store.exists(young), "within the grace period an upload may still be committing its row");
    }

    protected Path file(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content);
    }

    protected static byte[] read(BlobStore store, String sha256, long offset) throws IOException {
        try (InputStream in = store.open(sha256, offset)) {
            return in.readAllBytes();
        }
    }

    protected static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
