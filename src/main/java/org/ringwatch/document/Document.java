package org.ringwatch.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.ringwatch.account.Account;
import org.ringwatch.request.RecordsRequest;
import org.ringwatch.request.RequestEvent;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A file an agency sent, attached to a correspondence entry. Private until a moderator
 * publishes it; its bytes live in the {@link BlobStore} under {@link #blobSha256}.
 */
@Entity
public class Document extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id")
    public RecordsRequest request;

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
    public String fileType;
    /** The first document with the same bytes, when these were uploaded before. */
    public Long duplicateOf;
    public OffsetDateTime processedAt;
    @jakarta.persistence.Column(columnDefinition = "bpchar(64)")
    public String thumbnailSha256;

    public static Optional<Document> findWithRequest(long id) {
        return find("from Document d join fetch d.request r join fetch r.agency join fetch d.uploadedBy where d.id = ?1", id)
                .firstResultOptional();
    }

    public static List<Document> ofRequest(RecordsRequest request) {
        return list("request = ?1 order by createdAt, id", request);
    }

    public FileType type() {
        return FileType.valueOf(fileType.toUpperCase(java.util.Locale.ROOT));
    }

    public boolean isPublished() {
        return "published".equals(visibility);
    }
}
