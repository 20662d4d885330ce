package org.ringwatch.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.ringwatch.platform.RingWatchConfig;

import java.nio.file.Path;

/** The blob store the service uses: the local file system (an S3-compatible store is the next step). */
@ApplicationScoped
public class Blobs {

    @Produces
    @ApplicationScoped
    BlobStore blobStore(RingWatchConfig config) {
        return new FileSystemBlobStore(config.documents().blobDir().map(Path::of)
                .orElse(Path.of(config.dataDir()).resolve("blobs")));
    }
}
