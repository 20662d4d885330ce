package org.ringwatch.document;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parts of {@link S3BlobStore} that need no server; the rest is {@link S3BlobStoreContractTest}. */
class S3BlobStoreTest {

    private static final String SHA = "c9b1e8c7d6dfd1f6d3b4f4bbfa96d80a61a90e6bbfb0ea6f2c4ee0b10cd2a2a0";

    /** Nothing listens on the discard port: any call that reached the network would fail. */
    private final S3BlobStore store = new S3BlobStore(S3BlobStore.client(Optional.of("http://127.0.0.1:9"),
            "us-east-1", Optional.of("key"), Optional.of("secret"), true), "bucket");

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void shouldKeyBlobsByTheirFirstFourHexDigitsUnderBlobs() {
        assertEquals("blobs/c9/b1/" + SHA, store.key(SHA));
    }

    @Test
    void shouldSweepOnlyKeysLaidOutAsItLaysThemOut() {
        assertEquals(Optional.of(SHA), store.shaOf("blobs/c9/b1/" + SHA));
        assertEquals(Optional.empty(), store.shaOf("blobs/00/00/" + SHA), "misfiled");
        assertEquals(Optional.empty(), store.shaOf("blobs/" + SHA));
        assertEquals(Optional.empty(), store.shaOf("backups/c9/b1/" + SHA));
        assertEquals(Optional.empty(), store.shaOf("x/blobs/c9/b1/" + SHA));
        assertEquals(Optional.empty(), store.shaOf("blobs/c9/b1/" + SHA.toUpperCase()));
        assertEquals(Optional.empty(), store.shaOf("blobs/c9/b1/" + SHA + ".part"));
        assertEquals(Optional.empty(), store.shaOf("blobs/tmp/readme.txt"));
    }

    @Test
    void shouldRefuseANameThatIsNotASha256BeforeAskingTheServer() {
        for (String name : new String[] {"", "../" + SHA.substring(3), SHA.toUpperCase(), SHA + "/x", "blobs/c9/b1/" + SHA}) {
            assertThrows(IllegalArgumentException.class, () -> store.key(name), name);
            assertThrows(IllegalArgumentException.class, () -> store.exists(name), name);
            assertThrows(IllegalArgumentException.class, () -> store.size(name), name);
            assertThrows(IllegalArgumentException.class, () -> store.open(name, 0), name);
            assertThrows(IllegalArgumentException.class, () -> store.verify(name), name);
        }
        assertThrows(IllegalArgumentException.class, () -> store.key(null));
        assertThrows(IllegalArgumentException.class, () -> store.open(SHA, -1));
    }

    @Test
    void shouldWantBothKeysOrNeither() {
        assertThrows(IllegalArgumentException.class, () -> S3BlobStore.client(Optional.empty(), "us-east-1",
                Optional.of("key"), Optional.empty(), true));
        assertThrows(IllegalArgumentException.class, () -> new S3BlobStore(null, " "));
    }
}
