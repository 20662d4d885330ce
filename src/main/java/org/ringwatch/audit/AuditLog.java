package org.ringwatch.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.ringwatch.platform.SqlLimit;
import org.ringwatch.platform.Today;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The audit log as moderators read it: who by name, what in words, and each change as before → after. */
@ApplicationScoped
public class AuditLog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    /**
     * One entry.
     *
     * @param actor the name of who did it; "RingWatch" for the service itself
     */
    public record Line(long id, OffsetDateTime at, String actor, Long actorId, String action, String entityType,
            String entityId, List<AuditDiff.FieldChange> changes) {

        /** When, on the service's civil clock: "2027-06-01 14:05 EDT". */
        public String when() {
            return WHEN.format(at.atZoneSameInstant(Today.ZONE));
        }

        /** "withhold page", "change status". */
        public String what() {
            return action.replace('_', ' ');
        }

        /** "document 12", "request 7". */
        public String subject() {
            return entityType.replace("records_", "").replace('_', ' ') + " " + entityId;
        }

        /** The page of what changed, for the things that have one; null otherwise. */
        public String path() {
            return switch (entityType) {
                case "document" -> "/documents/" + entityId;
                case "agreement" -> "/agreements/" + entityId;
                case "records_request" -> "/requests/" + entityId;
                default -> null;
            };
        }
    }

    private final EntityManager em;

    public AuditLog(EntityManager em) {
        this.em = em;
    }

    /** The latest {@code limit} entries before entry {@code beforeId} (null: the newest), newest first. */
    public List<Line> latest(int limit, Long beforeId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT l.id, l.occurred_at, a.display_name, l.actor_id, l.action, l.entity_type, l.entity_id,
                       l.before_state::text, l.after_state::text
                  FROM audit_log l LEFT JOIN account a ON a.id = l.actor_id
                 WHERE CAST(?1 AS bigint) IS NULL OR l.id < ?1
                 ORDER BY l.id DESC""" + SqlLimit.rows(limit)).setParameter(1, beforeId).getResultList();
        return rows.stream().map(r -> new Line(((Number) r[0]).longValue(), time(r[1]),
                r[3] == null ? "RingWatch" : (String) r[2], r[3] == null ? null : ((Number) r[3]).longValue(),
                (String) r[4], (String) r[5], (String) r[6], AuditDiff.between((String) r[7], (String) r[8])))
                .toList();
    }

    private static OffsetDateTime time(Object value) {
        return value instanceof OffsetDateTime time ? time : ((Instant) value).atOffset(ZoneOffset.UTC);
    }
}
