package org.ringwatch.document;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link BlobStoreContract} against a real S3 API server. By default the test starts one
 * itself ({@link LocalS3Server}: s3proxy on 127.0.0.1 over an in-memory store, requests signed
 * as with AWS), so the S3 store runs in every build. To run it against another server (AWS S3, MinIO), set
 * {@code RINGWATCH_TEST_S3_ENDPOINT} and {@code RINGWATCH_TEST_S3_BUCKET} (an existing bucket);
 * optional: {@code RINGWATCH_TEST_S3_ACCESS_KEY} and {@code RINGWATCH_TEST_S3_SECRET_KEY} (else
 * the default AWS credentials chain), {@code RINGWATCH_TEST_S3_REGION} (us-east-1),
 * {@code RINGWATCH_TEST_S3_PATH_STYLE} (true). Each test works under a prefix of its own
 * ({@code ringwatch-test-<uuid>/blobs/}) and deletes it afterwards, so other objects in the
 * bucket are neither counted nor touched.
 *
 * <p>S3 cannot back-date an object, so the sweep test waits instead: LastModified is kept to the
 * second and set by the server's clock, so {@link #makeOlderThanNow} sleeps two seconds (set
 * {@code RINGWATCH_TEST_S3_CLOCK_SLACK_MS} for a server whose clock runs further ahead).
 */
class S3BlobStoreContractTest extends BlobStoreContract {

    private static S3Client s3;
    private static String bucket;
    /** The server this test started, when no other is configured. */
    private static LocalS3Server local;

    private String prefix;
    private S3BlobStore store;

    @BeforeAll
    static void connect() throws Exception {
        Optional<String> endpoint = env("RINGWATCH_TEST_S3_ENDPOINT");
        if (endpoint.isPresent()) {
            bucket = env("RINGWATCH_TEST_S3_BUCKET").orElseThrow(() -> new IllegalStateException(
                    "RINGWATCH_TEST_S3_ENDPOINT is set: set RINGWATCH_TEST_S3_BUCKET to an existing bucket too"));
            s3 = S3BlobStore.client(endpoint, env("RINGWATCH_TEST_S3_REGION").orElse("us-east-1"),
                    env("RINGWATCH_TEST_S3_ACCESS_KEY"), env("RINGWATCH_TEST_S3_SECRET_KEY"),
                    Boolean.parseBoolean(env("RINGWATCH_TEST_S3_PATH_STYLE").orElse("true")));
            return;
        }
        local = LocalS3Server.start();
        bucket = "ringwatch-test";
        s3 = S3BlobStore.client(Optional.of(local.endpoint()), "us-east-1", Optional.of(LocalS3Server.ACCESS_KEY),
                Optional.of(LocalS3Server.SECRET_KEY), true);
        s3.createBucket(create -> create.bucket(bucket));
    }

    @AfterAll
    static void disconnect() {
        if (s3 != null) {
            s3.close();
        }
        if (local != null) {
            local.close();
        }
    }

    @Override
    protected S3BlobStore store() {
        prefix = "ringwatch-test-" + UUID.randomUUID() + "/" + S3BlobStore.PREFIX;
        store = new S3BlobStore(s3, bucket, prefix);
        return store;
    }

    @Override
    protected void corrupt(String sha256, byte[] bytes) {
        s3.putObject(put -> put.bucket(bucket).key(store.key(sha256)), RequestBody.fromBytes(bytes));
    }

    @Override
    protected void makeOlderThanNow(String... sha256) throws InterruptedException {
        Thread.sleep(Long.parseLong(env("RINGWATCH_TEST_S3_CLOCK_SLACK_MS").orElse("2000")));
    }

    /**
     * Another instance's sweeper judges an object by its LastModified: bytes stored again are
     * about to be referenced, so storing them again must make the object young, or a sweep that
     * has not yet seen the new row removes it (two instances, one bucket).
     */
    @Test
    void shouldRenewAnObjectStoredAgainSoNoSweeperTakesItAsOld() throws Exception {
        S3BlobStore store = store();
        String sha = store.put(file("first", "stored twice")).sha256();
        Instant firstWritten = lastModified(sha);
        makeOlderThanNow(sha);

        BlobStore.Stored again = store.put(file("second", "stored twice"));

        assertTrue(again.alreadyPresent(), "the bytes were there: nothing is sent again");
        assertTrue(lastModified(sha).isAfter(firstWritten), "storing them again renews the object");
        Duration graceUpToTheFirstWrite = Duration.between(firstWritten.plusSeconds(1), Instant.now());
        assertEquals(0, store.sweep(Set.of(), graceUpToTheFirstWrite));
        assertArrayEquals("stored twice".getBytes(StandardCharsets.UTF_8), read(store, sha, 0));
    }

    private Instant lastModified(String sha256) {
        return s3.headObject(head -> head.bucket(bucket).key(store.key(sha256))).lastModified();
    }

    @AfterEach
    void deleteThisTestsObjects() {
        if (prefix == null) {
            return;
        }
        String testPrefix = prefix.substring(0, prefix.length() - S3BlobStore.PREFIX.length());
        for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(testPrefix)).contents()) {
            s3.deleteObject(delete -> delete.bucket(bucket).key(object.key()));
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
