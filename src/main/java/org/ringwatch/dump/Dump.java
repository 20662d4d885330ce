package org.ringwatch.dump;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.ringwatch.document.BlobStore;
import org.ringwatch.document.StoredBlob;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A finished dump: its two files in the blob store, made from one snapshot of the database on {@link #madeOn}. */
@Entity
@Table(name = "dump")
public class Dump extends PanacheEntityBase {

    @Id
    public LocalDate madeOn;
    /** When the snapshot was taken: the data is as of this instant. */
    public OffsetDateTime createdAt;
    @Column(columnDefinition = "bpchar(64)")
    public String sha256;
    public long sizeBytes;
    @Column(columnDefinition = "bpchar(64)")
    public String pagesSha256;
    public long pagesSizeBytes;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Long> rowCounts;
    public long durationMs;

    public static Optional<Dump> on(LocalDate day) {
        return findByIdOptional(day);
    }

    public static Optional<Dump> latest() {
        return Dump.<Dump>find("order by madeOn desc").firstResultOptional();
    }

    public static List<Dump> newestFirst() {
        return list("order by madeOn desc");
    }

    /** The file name a download is saved as. */
    public String fileName() {
        return "ringwatch-" + madeOn + ".zip";
    }

    public String pagesFileName() {
        return "ringwatch-" + madeOn + "-pages.zip";
    }

    /**
     * Records a dump whose files are stored, with the blob rows that keep the sweeper off them; in
     * one transaction, so a dump is listed whole or not at all.
     */
    static Dump record(LocalDate day, Instant snapshot, BlobStore.Stored tables, BlobStore.Stored pages,
            Map<String, Long> rowCounts, long durationMs) {
        StoredBlob.register(tables.sha256(), tables.size(), DumpFiles.MEDIA_TYPE);
        StoredBlob.register(pages.sha256(), pages.size(), DumpFiles.MEDIA_TYPE);
        Dump dump = new Dump();
        dump.madeOn = day;
        dump.createdAt = snapshot.atOffset(ZoneOffset.UTC);
        dump.sha256 = tables.sha256();
        dump.sizeBytes = tables.size();
        dump.pagesSha256 = pages.sha256();
        dump.pagesSizeBytes = pages.size();
        dump.rowCounts = rowCounts;
        dump.durationMs = durationMs;
        dump.persist();
        return dump;
    }
}
