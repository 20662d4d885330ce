package org.ringwatch.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Formula;
import org.ringwatch.account.Account;
import org.ringwatch.agency.Agency;
import org.ringwatch.request.RecordsRequest;
import org.ringwatch.request.RequestEvent;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A file an agency sent, attached to a correspondence entry, or one obtained elsewhere (council
 * minutes, a newspaper's published copy) with the address and publisher of its source and no
 * request. Either way it names its agency. Private until a moderator
 * publishes it; its bytes live in the {@link BlobStore} under {@link #blobSha256}. A PDF with
 * withheld pages also has a public copy without them ({@link #publicBlobSha256}); who gets which
 * is {@link DocumentAccess}'s decision.
 */
@Entity
public class Document extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Null for a document obtained elsewhere: then {@link #sourceUrl} and {@link #sourcePublisher} say where. */
    @ManyToOne
    @JoinColumn(name = "request_id")
    public RecordsRequest request;

    /** The request's agency, or the agency a document obtained elsewhere is evidence about. */
    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    /** Where a document obtained elsewhere was published (http or https); null for a request's. */
    public String sourceUrl;
    /** Who published it, as the public reads it ("the city clerk", "The Gazette"). */
    public String sourcePublisher;

    @ManyToOne
    @JoinColumn(name = "event_id")
    public RequestEvent event;

    public Long parentId;
    @jakarta.persistence.Column(columnDefinition = "bpchar(64)")
    public String blobSha256;
    /** Sanitised, for display and the download's file name only; never a path. */
    public String originalName;

    @ManyToOne(optional = false)
    @JoinColumn(name = "uploaded_by")
    public Account uploadedBy;

    /** processing, ready, quarantined or ocr_unavailable. */
    public String status;
    public String statusReason;
    /** private, published or withheld. */
    public String visibility;
    public String withheldReason;
    public Integer pageCount;
    public OffsetDateTime publishedAt;
    public Long publishedBy;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
    /** When what the public sees of it last changed (V12's triggers keep it); never written from here. */
    @Column(insertable = false, updatable = false)
    public OffsetDateTime changedAt;
    public String fileType;
    /** The first document with the same bytes, when these were uploaded before. */
    public Long duplicateOf;
    public OffsetDateTime processedAt;
    @jakarta.persistence.Column(columnDefinition = "bpchar(64)")
    public String thumbnailSha256;
    /** The copy without the withheld pages; null while none is withheld or while it is being made. */
    @jakarta.persistence.Column(columnDefinition = "bpchar(64)")
    public String publicBlobSha256;
    /** The first page of that copy, as a small PNG. */
    @jakarta.persistence.Column(columnDefinition = "bpchar(64)")
    public String publicThumbnailSha256;
    /** Read with the row rather than kept beside it, so it cannot disagree with the pages. */
    @Formula("(SELECT count(*) FROM document_page p WHERE p.document_id = id AND p.withheld)")
    public int withheldPages;

    public static Optional<Document> findWithRequest(long id) {
        return find("from Document d left join fetch d.request join fetch d.agency join fetch d.uploadedBy"
                + " where d.id = ?1", id).firstResultOptional();
    }

    /**
     * The documents whose original or public copy has these bytes, originals before duplicates,
     * oldest first: the candidates a citation by hash may mean.
     */
    static List<Document> withFileHash(String sha256) {
        return list("(blobSha256 = ?1 or publicBlobSha256 = ?1) order by (case when duplicateOf is null then 0"
                + " else 1 end), id", sha256);
    }

    public static List<Document> ofRequest(RecordsRequest request) {
        return list("request = ?1 order by createdAt, id", request);
    }

    /** The withheld pages and why, by page number, as they are now. */
    static SortedMap<Integer, String> withheldReasons(long documentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT page_number, withheld_reason FROM document_page
                 WHERE document_id = ?1 AND withheld ORDER BY page_number""").setParameter(1, documentId)
                .getResultList();
        SortedMap<Integer, String> pages = new TreeMap<>();
        rows.forEach(row -> pages.put(((Number) row[0]).intValue(), (String) row[1]));
        return pages;
    }

    public FileType type() {
        return FileType.valueOf(fileType.toUpperCase(java.util.Locale.ROOT));
    }

    public boolean isPublished() {
        return "published".equals(visibility);
    }
}
