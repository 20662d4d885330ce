package org.ringwatch.document;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.ringwatch.platform.SqlLimit;
import org.ringwatch.platform.Today;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An agency's published documents, whichever way they came (through a request or found
 * elsewhere), in one query under {@link DocumentAccess#PUBLIC}: the agency page lists what anyone
 * may read, the same for every viewer.
 */
@RequestScoped
public class AgencyDocuments {

    /** A public document in the agency's list. */
    @TemplateData
    public record Listed(long id, String name, Integer pages, LocalDate publishedOn, Long requestId,
            String sourcePublisher) {
    }

    private final EntityManager em;
    private final DocumentAccess access;

    public AgencyDocuments(EntityManager em, DocumentAccess access) {
        this.em = em;
        this.access = access;
    }

    /** Newest first, up to {@code limit}. */
    public List<Listed> published(long agencyId, int limit) {
        Query query = em.createNativeQuery("""
                SELECT d.id, d.original_name, d.page_count, d.published_at, d.request_id, d.source_publisher
                  FROM document d
                  LEFT JOIN records_request r ON r.id = d.request_id
                 WHERE d.agency_id = :agency AND""" + " " + DocumentAccess.PUBLIC + """

                 ORDER BY d.published_at DESC NULLS LAST, d.id DESC""" + SqlLimit.rows(limit), Tuple.class);
        access.bindPublic(query);
        query.setParameter("agency", agencyId);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(t -> new Listed(((Number) t.get("id")).longValue(), (String) t.get("original_name"),
                t.get("page_count") == null ? null : ((Number) t.get("page_count")).intValue(),
                publishedOn(t.get("published_at")),
                t.get("request_id") == null ? null : ((Number) t.get("request_id")).longValue(),
                (String) t.get("source_publisher"))).toList();
    }

    private static LocalDate publishedOn(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toLocalDate();
        }
        if (value instanceof Instant instant) {
            return instant.atZone(Today.ZONE).toLocalDate();
        }
        return ((Timestamp) value).toLocalDateTime().toLocalDate();
    }
}
