package org.ringwatch.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The row that says a blob is complete in the {@link BlobStore}; a document may refer to it only
 * through this row, and the sweeper keeps exactly the files that have one.
 */
@Entity
@Table(name = "blob")
public class StoredBlob extends PanacheEntityBase {

    @Id
    @Column(columnDefinition = "bpchar(64)")
    public String sha256;
    public long sizeBytes;
    public String mediaType;
    public OffsetDateTime storedAt;

    /** The size of stored bytes, for the API's document metadata. */
    static long sizeOf(String sha256) {
        return StoredBlob.<StoredBlob>findById(sha256).sizeBytes;
    }

    /**
     * Records bytes just put in the store, in the transaction that refers to them. Bytes stored
     * before get their row freshened and locked, so {@link #forgetUnreferenced} cannot take a row
     * that is about to be referenced again.
     */
    public static void register(String sha256, long size, String mediaType) {
        getEntityManager().createNativeQuery("""
                INSERT INTO blob (sha256, size_bytes, media_type) VALUES (?1, ?2, ?3)
                ON CONFLICT (sha256) DO UPDATE SET stored_at = now()
                """).setParameter(1, sha256).setParameter(2, size).setParameter(3, mediaType).executeUpdate();
    }

    /**
     * Deletes the rows of blobs no document or public dump refers to any more (an old public copy, a
     * thumbnail made again, the files of a dump that failed before its row was written) and stored
     * before {@code cutoff}; the sweeper then removes their files.
     *
     * @return how many rows went
     */
    static int forgetUnreferenced(Instant cutoff) {
        return getEntityManager().createNativeQuery("""
                DELETE FROM blob b
                 WHERE b.stored_at < ?1
                   AND NOT EXISTS (SELECT 1 FROM document d WHERE d.blob_sha256 = b.sha256)
                   AND NOT EXISTS (SELECT 1 FROM document d WHERE d.thumbnail_sha256 = b.sha256)
                   AND NOT EXISTS (SELECT 1 FROM document d WHERE d.public_blob_sha256 = b.sha256)
                   AND NOT EXISTS (SELECT 1 FROM document d WHERE d.public_thumbnail_sha256 = b.sha256)
                   AND NOT EXISTS (SELECT 1 FROM dump x WHERE b.sha256 IN (x.sha256, x.pages_sha256))
                """).setParameter(1, cutoff.atOffset(java.time.ZoneOffset.UTC)).executeUpdate();
    }
}
