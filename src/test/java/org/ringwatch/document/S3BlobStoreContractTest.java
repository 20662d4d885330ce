package org.ringwatch.document;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.Optional;
import java.util.UUID;

/**
 * The {@link BlobStoreContract} against a real S3-compatible server. Skipped unless
 * {@code RINGWATCH_TEST_S3_ENDPOINT} and {@code RINGWATCH_TEST_S3_BUCKET} are set; the bucket
 * must exist. Optional: {@code RINGWATCH_TEST_S3_ACCESS_KEY} and {@code RINGWATCH_TEST_S3_SECRET_KEY}
 * (else the default AWS credentials chain), {@code RINGWATCH_TEST_S3_REGION} (us-east-1),
 * {@code RINGWATCH_TEST_S3_PATH_STYLE} (true). Each test works under a prefix of its own
 * ({@code ringwatch-test-<uuid>/blobs/}) and deletes it afterwards, so other objects in the
 * bucket are neither counted nor touched.
 *
 * <p>Against MinIO in Docker, for example:
 *
 * <pre>
 * docker run -d --name ringwatch-minio -p 9000:9000 \
 *     -e MINIO_ROOT_USER=ringwatch -e MINIO_ROOT_PASSWORD=ringwatch-secret \
 *     quay.io/minio/minio server /data
 * docker run --rm --network host -e MC_HOST_local=http://ringwatch:ringwatch-secret@localhost:9000 \
 *     quay.io/minio/mc mb local/ringwatch-test
 * RINGWATCH_TEST_S3_ENDPOINT=http://localhost:9000 RINGWATCH_TEST_S3_BUCKET=ringwatch-test \
 * RINGWATCH_TEST_S3_ACCESS_KEY=ringwatch RINGWATCH_TEST_S3_SECRET_KEY=ringwatch-secret \
 *     ./mvnw -B test -Dtest=S3BlobStoreContractTest
 * docker rm -f ringwatch-minio
 * </pre>
 *
 * <p>S3 cannot back-date an object, so the sweep test waits instead: LastModified is kept to the
 * second and set by the server's clock, so {@link #makeOlderThanNow} sleeps two seconds (set
 * {@code RINGWATCH_TEST_S3_CLOCK_SLACK_MS} for a server whose clock runs further ahead).
 */
@EnabledIfEnvironmentVariable(named = "RINGWATCH_TEST_S3_ENDPOINT", matches = ".+")
@EnabledIfEnvironmentVariable(named = "RINGWATCH_TEST_S3_BUCKET", matches = ".+")
class S3BlobStoreContractTest extends BlobStoreContract {

    private static S3Client s3;
    private static String bucket;

    private String prefix;
    private S3BlobStore store;

    @BeforeAll
    static void connect() {
        bucket = System.getenv("RINGWATCH_TEST_S3_BUCKET");
        s3 = S3BlobStore.client(Optional.of(System.getenv("RINGWATCH_TEST_S3_ENDPOINT")),
                env("RINGWATCH_TEST_S3_REGION").orElse("us-east-1"),
                env("RINGWATCH_TEST_S3_ACCESS_KEY"), env("RINGWATCH_TEST_S3_SECRET_KEY"),
                Boolean.parseBoolean(env("RINGWATCH_TEST_S3_PATH_STYLE").orElse("true")));
    }

    @AfterAll
    static void disconnect() {
        if (s3 != null) {
            s3.close();
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
