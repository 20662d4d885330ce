package org.ringwatch.document;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringwatch.platform.RingWatchConfig;

import java.nio.file.Path;

/**
 * The blob store the service uses ({@code ringwatch.documents.store}): the local file system, or
 * a bucket of an S3-compatible object store, which several instances can share. Made at start-up,
 * so a missing setting stops the service there rather than at the first upload.
 */
@ApplicationScoped
public class Blobs {

    @Produces
    @ApplicationScoped
    @Startup
    BlobStore blobStore(RingWatchConfig config,
            @ConfigProperty(name = "quarkus.http.body.uploads-directory") String uploadsDirectory) {
        RingWatchConfig.Documents documents = config.documents();
        return switch (documents.store()) {
            case FILESYSTEM -> new FileSystemBlobStore(documents.blobDir().map(Path::of)
                    .orElse(Path.of(config.dataDir()).resolve("blobs")));
            // Uploads are received beside the data, where the sweeper clears what a crash left.
            case S3 -> s3(documents.s3()).stagingIn(Path.of(uploadsDirectory));
        };
    }

    void close(@Disposes BlobStore store) {
        if (store instanceof S3BlobStore s3) {
            s3.close();
        }
    }

    static S3BlobStore s3(RingWatchConfig.Documents.S3 settings) {
        String bucket = settings.bucket().filter(name -> !name.isBlank()).orElseThrow(() -> new IllegalStateException(
                "ringwatch.documents.store=s3 needs a bucket: set ringwatch.documents.s3.bucket"
                        + " (RINGWATCH_DOCUMENTS_S3_BUCKET) to an existing bucket"));
        if (settings.accessKey().isPresent() != settings.secretKey().isPresent()) {
            throw new IllegalStateException("Set both ringwatch.documents.s3.access-key and .secret-key"
                    + " (RINGWATCH_DOCUMENTS_S3_ACCESS_KEY, RINGWATCH_DOCUMENTS_S3_SECRET_KEY), or neither"
                    + " to use the default AWS credentials chain");
        }
        try {
            return new S3BlobStore(S3BlobStore.client(settings.endpoint(), settings.region(), settings.accessKey(),
                    settings.secretKey(), settings.pathStyle()), bucket);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ringwatch.documents.s3: " + e.getMessage(), e);
        }
    }
}
