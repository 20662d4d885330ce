package org.ringwatch.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.ringwatch.api.Cursor;
import org.ringwatch.document.PersonalDataFlag;
import org.ringwatch.platform.SqlLimit;
import org.ringwatch.platform.Today;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * What waits for a moderator, oldest first: documents not yet published or withheld (their text
 * read; on a request that is no longer a draft, or obtained elsewhere) and draft agreements.
 * One query for the whole queue.
 */
@ApplicationScoped
public class ReviewQueue {

    /** Shown at once; the page links the next ones. */
    static final int LIMIT = 50;

    /**
     * One thing waiting.
     *
     * @param openItems personal-data items still to resolve (documents only)
     * @param note      what else a moderator should know first, or null
     */
    public record Waiting(String kind, long id, String title, String agencyName, String agencyPath, String by,
            LocalDate since, long daysWaiting, int openItems, String note, String cursor) {

        public String path() {
            return ("document".equals(kind) ? "/documents/" : "/agreements/") + id;
        }

        public boolean document() {
            return "document".equals(kind);
        }
    }

    /** Both kinds in one list: its order (oldest first) is also its keyset. */
    private static final String QUEUE = """
            SELECT * FROM (
            SELECT 'document' AS kind, d.id, d.original_name AS title, ag.name, ag.state_code, ag.slug,
                   u.display_name, d.created_at AS since, %s AS open_items,
                   CASE WHEN d.status = 'ocr_unavailable' THEN 'some pages have no text yet (OCR is not installed)'
                        WHEN d.duplicate_of IS NOT NULL THEN 'the same bytes as document ' || d.duplicate_of
                        WHEN r.embargo_until IS NOT NULL THEN 'its request is embargoed until ' || r.embargo_until
                   END AS note
              FROM document d
              JOIN agency ag ON ag.id = d.agency_id
              JOIN account u ON u.id = d.uploaded_by
              LEFT JOIN records_request r ON r.id = d.request_id
             WHERE d.visibility = 'private' AND d.status IN ('ready', 'ocr_unavailable')
               AND (r.id IS NULL OR r.status <> 'draft')
               AND (CAST(:agency AS bigint) IS NULL OR d.agency_id = :agency)
            UNION ALL
            SELECT 'agreement', a.id, a.title, ag.name, ag.state_code, ag.slug, u.display_name, a.created_at, 0, NULL
              FROM agreement a
              JOIN agency ag ON ag.id = a.agency_id
              JOIN account u ON u.id = a.created_by
             WHERE a.visibility = 'draft'
               AND (CAST(:agency AS bigint) IS NULL OR a.agency_id = :agency)
            ) waiting
             WHERE CAST(:afterSince AS timestamptz) IS NULL
                OR (since, kind, id) > (CAST(:afterSince AS timestamptz), CAST(:afterKind AS text), CAST(:afterId AS bigint))
             ORDER BY since, kind, id
            """.formatted(PersonalDataFlag.UNRESOLVED_OF_D) + SqlLimit.rows(LIMIT + 1);

    private final EntityManager em;
    private final Today today;

    public ReviewQueue(EntityManager em, Today today) {
        this.em = em;
        this.today = today;
    }

    /**
     * Up to {@link #LIMIT} + 1 things after {@code cursor} (null: from the oldest), so the page can
     * link the next ones; of one agency, or of all ({@code agencyId} null).
     */
    public List<Waiting> waiting(Long agencyId, String cursor) {
        List<String> after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor.strip(), 3);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(QUEUE).setParameter("agency", agencyId)
                .setParameter("afterSince", after == null ? null : after.get(0))
                .setParameter("afterKind", after == null ? null : after.get(1))
                .setParameter("afterId", after == null ? null : after.get(2)).getResultList();
        LocalDate now = today.date();
        return rows.stream().map(r -> {
            Instant at = instant(r[7]);
            LocalDate since = at.atZone(Today.ZONE).toLocalDate();
            long id = ((Number) r[1]).longValue();
            return new Waiting((String) r[0], id, (String) r[2], (String) r[3],
                    "/agencies/" + ((String) r[4]).strip().toLowerCase(Locale.ROOT) + "/" + r[5], (String) r[6], since,
                    Math.max(0, ChronoUnit.DAYS.between(since, now)), ((Number) r[8]).intValue(), (String) r[9],
                    Cursor.encode(at.toString(), (String) r[0], String.valueOf(id)));
        }).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
