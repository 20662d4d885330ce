package org.ringwatch.document;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSystemBlobStoreTest extends BlobStoreContract {

    private FileSystemBlobStore store;

    @Override
    protected FileSystemBlobStore store() {
        store = new FileSystemBlobStore(work.resolve("blobs"));
        return store;
    }

    @Override
    protected void corrupt(String sha256, byte[] bytes) throws IOException {
        Files.write(store.path(sha256), bytes);
    }

    @Override
    protected void makeOlderThanNow(String... sha256) throws IOException {
        for (String sha : sha256) {
            setAge(store.path(sha), Duration.ofMinutes(1));
        }
    }

    @Test
    void shouldLayBlobsOutByTheirFirstFourHexDigits() throws IOException {
        FileSystemBlobStore store = store();
        String sha = store.put(file("a.txt", "hello ringwatch")).sha256();

        Path expected = work.resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertEquals(expected.toAbsolutePath().normalize(), store.path(sha));
        assertTrue(Files.isRegularFile(expected));
        try (var left = Files.list(work.resolve("blobs/tmp"))) {
            assertEquals(0, left.count(), "nothing is left in tmp/ after a put");
        }
    }

    @Test
    void shouldReceiveIntoTmpAndMoveThatFileIntoPlaceInsteadOfCopyingIt() throws IOException {
        FileSystemBlobStore store = store();
        Incoming received = store.receive(new java.io.ByteArrayInputStream("moved, not copied".getBytes()), 100);
        assertEquals(work.resolve("blobs/tmp").toAbsolutePath().normalize(), received.file().getParent(),
                "written straight into the store's own temporary files");
        Object inode = Files.readAttributes(received.file(), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();

        String sha = store.keep(received).sha256();

        assertEquals(inode, Files.readAttributes(store.path(sha), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey(), "the same file under its real name: its bytes were written once");
        try (var left = Files.list(work.resolve("blobs/tmp"))) {
            assertEquals(0, left.count(), "keeping leaves nothing in tmp/");
        }
    }

    @Test
    void shouldDropReceivedBytesStoredAlreadyAndMakeTheBlobYoungAgain() throws IOException {
        FileSystemBlobStore store = store();
        String sha = store.put(file("first", "stored before")).sha256();
        setAge(store.path(sha), Duration.ofHours(2));
        Incoming received = store.receive(new java.io.ByteArrayInputStream("stored before".getBytes()), 100);

        assertTrue(store.keep(received).alreadyPresent());

        assertFalse(Files.exists(received.file()));
        assertEquals(0, store.sweep(Set.of(), Duration.ofHours(1)), "found again, the blob is young again");
    }

    @Test
    void shouldSweepOnlyOldUnreferencedBlobsAndLeftoverTemporaryFiles() throws IOException {
        FileSystemBlobStore store = store();
        String kept = store.put(file("kept", "referenced")).sha256();
        String orphan = store.put(file("orphan", "nobody points here")).sha256();
        String young = store.put(file("young", "just written")).sha256();
        Path partial = Files.writeString(work.resolve("blobs/tmp/crashed.part"), "half of an upload");
        Path youngPartial = Files.writeString(work.resolve("blobs/tmp/uploading.part"), "an upload going on");
        for (Path file : new Path[] {store.path(kept), store.path(orphan), partial}) {
            setAge(file, Duration.ofHours(2));
        }

        int removed = store.sweep(Set.of(kept), Duration.ofHours(1));

        assertEquals(2, removed);
        assertTrue(store.exists(kept));
        assertFalse(store.exists(orphan));
        assertTrue(store.exists(young), "within the grace period an upload may still be committing its row");
        assertFalse(Files.exists(partial));
        assertTrue(Files.exists(youngPartial), "a write still going on keeps its temporary file");
    }

    @Test
    void shouldKeepABlobWrittenAfterTheCutoff() throws IOException {
        FileSystemBlobStore store = store();
        String later = store.put(file("later", "written while the sweep ran")).sha256();
        setAge(store.path(later), Duration.ofSeconds(-5));   // a time after the sweep's "now"

        assertEquals(0, store.sweep(Set.of(), Duration.ZERO));
        assertTrue(store.exists(later));
    }

    private static void setAge(Path file, Duration age) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    }
}
