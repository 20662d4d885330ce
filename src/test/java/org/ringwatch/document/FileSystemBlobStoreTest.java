package org.ringwatch.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSystemBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void shouldStoreBytesUnderTheirHashOnceAndReadThemFromAnOffset() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root.resolve("blobs"));
        Path source = Files.writeString(root.resolve("a.txt"), "hello ringwatch");
        BlobStore.Stored first = store.put(source);
        BlobStore.Stored second = store.put(source);
        assertEquals("c9b1e8c7d6dfd1f6d3b4f4bbfa96d80a61a90e6bbfb0ea6f2c4ee0b10cd2a2a0".length(), first.sha256().length());
        assertFalse(first.alreadyPresent());
        assertTrue(second.alreadyPresent());
        assertEquals(first.sha256(), second.sha256());
        assertEquals(15, store.size(first.sha256()));
        try (InputStream in = store.open(first.sha256(), 6)) {
            assertArrayEquals("ringwatch".getBytes(), in.readAllBytes());
        }
        assertTrue(store.verify(first.sha256()));
        Files.writeString(store.path(first.sha256()), "tampered");
        assertFalse(store.verify(first.sha256()), "a changed file no longer matches its name");
    }

    @Test
    void shouldSweepOnlyOldUnreferencedBlobsAndLeftoverTemporaryFiles() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root.resolve("blobs"));
        String kept = store.put(Files.writeString(root.resolve("kept"), "referenced")).sha256();
        String orphan = store.put(Files.writeString(root.resolve("orphan"), "nobody points here")).sha256();
        String young = store.put(Files.writeString(root.resolve("young"), "just written")).sha256();
        Path partial = root.resolve("blobs/tmp/crashed.part");
        Files.writeString(partial, "half of an upload");
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        for (Path file : new Path[] {store.path(kept), store.path(orphan), partial}) {
            Files.setLastModifiedTime(file, old);
        }

        int removed = store.sweep(Set.of(kept), Duration.ofHours(1));

        assertEquals(2, removed);
        assertTrue(store.exists(kept));
        assertFalse(store.exists(orphan));
        assertTrue(store.exists(young), "within the grace period an upload may still be committing its row");
        assertFalse(Files.exists(partial));
    }
}
