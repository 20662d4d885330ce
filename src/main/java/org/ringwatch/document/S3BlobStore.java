package org.ringwatch.document;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Blobs in a bucket of an S3-compatible object store (AWS S3, MinIO, Cloudflare R2, ...):
 * {@code blobs/ab/cd/<sha256>}. A PutObject is all or nothing (an object appears only once all
 * its bytes have arrived), which is what the temporary file and the rename give the file-system
 * store, so there are no temporary objects to sweep. Each upload carries its Content-MD5, so the
 * server refuses bytes that changed on the way: every S3-compatible server checks that header,
 * where the newer {@code x-amz-checksum-sha256} is refused as not implemented by some (s3proxy).
 *
 * <p>The credentials need s3:GetObject, s3:PutObject, s3:DeleteObject and s3:ListBucket on the
 * bucket (without ListBucket, S3 answers 403 instead of 404 for a missing object). Deleting from a
 * versioned bucket only hides the old version: leave versioning off, or expire noncurrent versions
 * with a lifecycle rule. One PutObject carries at most 5 GB, well over the upload limit.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

    /** Where the blobs live in the bucket. */
    static final String PREFIX = "blobs/";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    /** Where uploads are received before they are put: a local directory the sweeper clears. */
    private Path staging = Path.of(System.getProperty("java.io.tmpdir"));

    /** A store in {@code bucket}; {@link #close()} closes {@code s3}. */
    public S3BlobStore(S3Client s3, String bucket) {
        this(s3, bucket, PREFIX);
    }

    /** For tests sharing a bucket: blobs under {@code prefix} ("run-1/blobs/") instead. */
    S3BlobStore(S3Client s3, String bucket, String prefix) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("An S3 blob store needs a bucket");
        }
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("The key prefix must end with '/': " + prefix);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /**
     * A client for AWS S3 or, with an {@code endpoint}, an S3-compatible server. Without keys the
     * SDK's default chain finds the credentials (AWS_ACCESS_KEY_ID..., a profile, an instance role).
     * Building it does not contact the server.
     */
    public static S3Client client(Optional<String> endpoint, String region, Optional<String> accessKey,
            Optional<String> secretKey, boolean pathStyle) {
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("Set both the S3 access key and the secret key, or neither"
                    + " (then the default AWS credentials chain is used)");
        }
        AwsCredentialsProvider credentials = accessKey.isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .forcePathStyle(pathStyle);
        if (endpoint.isPresent()) {
            // Other servers do not all take the CRC checksums the SDK adds to every upload by default
            // (nor its aws-chunked bodies); PutObject still carries its Content-MD5, see put().
            builder.endpointOverride(URI.create(endpoint.get()))
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    @Override
    public Stored put(Path source) throws IOException {
        MessageDigest digest = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        long size;
        try (InputStream in = new DigestInputStream(new DigestInputStream(Files.newInputStream(source), digest), md5)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        String key = key(sha);
        try {
            if (head(key).isPresent() && renew(key)) {
                return new Stored(sha, size, true);
            }
            // Two instances storing the same bytes at once both write them: the same object, twice.
            String contentMd5 = Base64.getEncoder().encodeToString(md5.digest());
            s3.putObject(put -> put.bucket(bucket).key(key)
                            .contentType("application/octet-stream")
                            .contentMD5(contentMd5),
                    RequestBody.fromFile(source));
        } catch (SdkException e) {
            throw failure("Cannot store", key, e);
        }
        return new Stored(sha, size, false);
    }

    /** Receives uploads into {@code directory} (made if missing) instead of java.io.tmpdir. */
    S3BlobStore stagingIn(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the upload directory " + directory, e);
        }
        staging = directory;
        return this;
    }

    /** An object is put whole once its hash is known, so an upload is received into a local file first. */
    @Override
    public Incoming receive(InputStream in, long limit) throws IOException {
        return Incoming.write(in, staging, limit);
    }

    /** Put from the received file (read once more, for its Content-MD5), which then goes. */
    @Override
    public Stored keep(Incoming incoming) throws IOException {
        try {
            return put(incoming.file());
        } finally {
            Files.deleteIfExists(incoming.file());
        }
    }

    @Override
    public boolean exists(String sha256) {
        String key = key(sha256);
        try {
            return head(key).isPresent();
        } catch (SdkException e) {
            throw new UncheckedIOException(failure("Cannot look up", key, e));
        }
    }

    @Override
    public long size(String sha256) throws IOException {
        String key = key(sha256);
        try {
            return head(key).orElseThrow(() -> missing(key)).contentLength();
        } catch (SdkException e) {
            throw failure("Cannot look up", key, e);
        }
    }

    @Override
    public InputStream open(String sha256, long offset) throws IOException {
        String key = key(sha256);
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset: " + offset);
        }
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = s3.getObject(get -> {
                get.bucket(bucket).key(key);
                if (offset > 0) {
                    get.range("bytes=" + offset + "-");
                }
            });
        } catch (S3Exception e) {
            if (offset > 0 && e.statusCode() == 416) {
                return InputStream.nullInputStream();   // at or past the end, like a file read there
            }
            throw failure("Cannot read", key, e);
        } catch (SdkException e) {
            throw failure("Cannot read", key, e);
        }
        if (offset > 0 && in.response().contentRange() == null) {
            // A server that ignores Range sends the whole object (200, not 206): skip to the offset.
            try {
                in.skipNBytes(offset);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        }
        return in;
    }

    @Override
    public boolean verify(String sha256) throws IOException {
        MessageDigest digest = digest("SHA-256");
        try (InputStream in = new DigestInputStream(open(sha256, 0), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (SdkException e) {
            throw failure("Cannot read", key(sha256), e);
        }
        return HexFormat.of().formatHex(digest.digest()).equals(sha256);
    }

    /**
     * Removes the objects under the prefix named by a SHA-256 that is not referenced and whose
     * LastModified (the server's clock) is older than {@code grace}. Objects laid out otherwise
     * are left alone.
     */
    @Override
    public int sweep(Set<String> referenced, Duration grace) throws IOException {
        Instant cutoff = Instant.now().minus(grace);
        int removed = 0;
        try {
            for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents()) {
                Optional<String> sha = shaOf(object.key());
                if (sha.isPresent() && !referenced.contains(sha.get()) && object.lastModified().isBefore(cutoff)
                        && stillOlderThan(object.key(), cutoff)) {
                    s3.deleteObject(delete -> delete.bucket(bucket).key(object.key()));
                    removed++;
                }
            }
        } catch (SdkException e) {
            throw failure("Cannot sweep", bucket + "/" + prefix, e);
        }
        return removed;
    }

    /**
     * A listing can be minutes old by its last page, and another instance may have stored the same
     * bytes again since (see {@link #renew}): look once more just before deleting.
     */
    private boolean stillOlderThan(String key, Instant cutoff) {
        return head(key).map(found -> found.lastModified().isBefore(cutoff)).orElse(false);
    }

    /** Closes the S3 client. */
    @Override
    public void close() {
        s3.close();
    }

    /** The object key of a blob: {@code blobs/ab/cd/abcd...}. */
    String key(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return prefix + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    /** The SHA-256 a key names, if it is laid out exactly as {@link #key} lays them out. */
    Optional<String> shaOf(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return SHA256.matcher(name).matches() && key.equals(key(name)) ? Optional.of(name) : Optional.empty();
    }

    /**
     * Found again: the bytes are about to be referenced, so the object must not look old to a
     * sweeper (this instance's or another's) that has not yet seen the new row. A copy onto itself
     * gives it a new LastModified without sending the bytes again (S3 requires the metadata to be
     * replaced for that). False when the object went in the meantime (a sweeper took it just
     * before): the caller uploads it again.
     */
    private boolean renew(String key) {
        try {
            s3.copyObject(copy -> copy.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket)
                    .destinationKey(key).contentType("application/octet-stream")
                    .metadataDirective(MetadataDirective.REPLACE));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(head -> head.bucket(bucket).key(key)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private NoSuchFileException missing(String key) {
        return new NoSuchFileException("s3://" + bucket + "/" + key);
    }

    /** The interface speaks IOException (callers catch it); the SDK throws unchecked ones. */
    private IOException failure(String what, String key, SdkException e) {
        if (e instanceof S3Exception s3Exception && s3Exception.statusCode() == 404) {
            NoSuchFileException missing = missing(key);
            missing.initCause(e);
            return missing;
        }
        return new IOException(what + " s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
