package org.ringwatch.document;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringwatch.platform.RingWatchConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which store the settings choose, read through the real {@code ringwatch.*} mapping (no Quarkus started). */
class BlobsTest {

    @TempDir
    Path data;

    @Test
    void shouldUseTheFileSystemByDefault() {
        RingWatchConfig config = config(Map.of());

        assertEquals(RingWatchConfig.Documents.Store.FILESYSTEM, config.documents().store());
        assertEquals("us-east-1", config.documents().s3().region());
        assertTrue(config.documents().s3().pathStyle());
        assertInstanceOf(FileSystemBlobStore.class, new Blobs().blobStore(config, uploads()));
    }

    @Test
    void shouldUseS3WhenToldTo() {
        RingWatchConfig config = config(Map.of("ringwatch.documents.store", "s3",
                "ringwatch.documents.s3.endpoint", "http://127.0.0.1:9",
                "ringwatch.documents.s3.bucket", "ringwatch",
                "ringwatch.documents.s3.access-key", "key",
                "ringwatch.documents.s3.secret-key", "secret",
                "ringwatch.documents.s3.path-style", "false"));

        assertEquals(RingWatchConfig.Documents.Store.S3, config.documents().store());
        assertEquals(false, config.documents().s3().pathStyle());
        Blobs blobs = new Blobs();
        BlobStore store = blobs.blobStore(config, uploads());
        assertInstanceOf(S3BlobStore.class, store);
        blobs.close(store);
    }

    @Test
    void shouldStopWithoutABucket() {
        RingWatchConfig config = config(Map.of("ringwatch.documents.store", "s3"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Blobs().blobStore(config, uploads()));
        assertTrue(e.getMessage().contains("ringwatch.documents.s3.bucket"), e.getMessage());
    }

    @Test
    void shouldStopWithHalfTheKeys() {
        RingWatchConfig config = config(Map.of("ringwatch.documents.store", "s3",
                "ringwatch.documents.s3.bucket", "ringwatch", "ringwatch.documents.s3.access-key", "key"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Blobs().blobStore(config, uploads()));
        assertTrue(e.getMessage().contains("secret-key"), e.getMessage());
    }

    /** quarkus.http.body.uploads-directory: where the S3 store receives uploads. */
    private String uploads() {
        return data.resolve("uploads").toString();
    }

    @Test
    void shouldRefuseAnUnknownStore() {
        assertThrows(RuntimeException.class, () -> config(Map.of("ringwatch.documents.store", "ftp")));
    }

    private RingWatchConfig config(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("ringwatch.data-dir", data.toString());
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(RingWatchConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())   // Quarkus's "1H"
                .withSources(new PropertiesConfigSource(all, "test", 100))
                .build();
        return config.getConfigMapping(RingWatchConfig.class);
    }
}
