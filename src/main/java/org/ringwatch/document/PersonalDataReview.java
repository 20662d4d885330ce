package org.ringwatch.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.ringwatch.account.Account;
import org.ringwatch.audit.Audit;
import org.ringwatch.platform.Names;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Resolves personal-data flags by clearing them: a moderator says why the flagged text is not
 * personal ("an officer's work address"), or takes that back. The other way to resolve a flag
 * is to withhold its page ({@link DocumentService#withholdPage}). Both are audited.
 */
@ApplicationScoped
public class PersonalDataReview {

    static final int MAX_NOTE = 300;

    /** What clearing a flag came to; {@link #problem} says why nothing changed. */
    public enum Clearance {
        DONE(null),
        NO_SUCH_FLAG("There is no such personal-data item on this page; nothing changed."),
        NO_NOTE("Say why this is not personal data, e.g. “an officer's work address”."),
        NOTE_TOO_LONG("Say why this is not personal data in at most " + MAX_NOTE + " characters.");

        public final String problem;

        Clearance(String problem) {
            this.problem = problem;
        }
    }

    private final EntityManager em;
    private final Audit audit;

    public PersonalDataReview(EntityManager em, Audit audit) {
        this.em = em;
        this.audit = audit;
    }

    @Transactional
    public Clearance clear(Account moderator, long documentId, int page, String flag, String note) {
        String why = Names.clean(note == null ? "" : note);
        if (why.isEmpty()) {
            return Clearance.NO_NOTE;
        }
        if (why.length() > MAX_NOTE) {
            return Clearance.NOTE_TOO_LONG;
        }
        if (!flagged(documentId, page, flag)) {
            return Clearance.NO_SUCH_FLAG;
        }
        int written = em.createNativeQuery("""
                INSERT INTO personal_data_clearance (document_id, page_number, flag, note, cleared_by, cleared_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (document_id, page_number, flag) DO UPDATE
                   SET note = EXCLUDED.note, cleared_by = EXCLUDED.cleared_by, cleared_at = EXCLUDED.cleared_at
                 WHERE personal_data_clearance.note IS DISTINCT FROM EXCLUDED.note""")
                .setParameter(1, documentId).setParameter(2, page).setParameter(3, flag).setParameter(4, why)
                .setParameter(5, moderator.id).setParameter(6, OffsetDateTime.now()).executeUpdate();
        if (written > 0) {
            audit.record(moderator.id, "clear_personal_data", "document", documentId, null,
                    Map.of("page", page, "item", flag, "not personal because", why));
        }
        return Clearance.DONE;
    }

    /** Takes a clearance back: the flag is to resolve again before the document can be published. */
    @Transactional
    public Clearance reopen(Account moderator, long documentId, int page, String flag) {
        if (!flagged(documentId, page, flag)) {
            return Clearance.NO_SUCH_FLAG;
        }
        Object note = em.createNativeQuery("""
                SELECT note FROM personal_data_clearance WHERE document_id = ?1 AND page_number = ?2 AND flag = ?3""")
                .setParameter(1, documentId).setParameter(2, page).setParameter(3, flag)
                .getResultStream().findFirst().orElse(null);
        if (note != null) {
            em.createNativeQuery("""
                    DELETE FROM personal_data_clearance WHERE document_id = ?1 AND page_number = ?2 AND flag = ?3""")
                    .setParameter(1, documentId).setParameter(2, page).setParameter(3, flag).executeUpdate();
            audit.record(moderator.id, "reopen_personal_data", "document", documentId,
                    Map.of("page", page, "item", flag, "not personal because", note), Map.of("page", page, "item", flag));
        }
        return Clearance.DONE;
    }

    /** Locks the document as publishing does, so a flag is not cleared or reopened under its check. */
    private boolean flagged(long documentId, int page, String flag) {
        if (flag == null || Document.findById(documentId, LockModeType.PESSIMISTIC_WRITE) == null) {
            return false;
        }
        return !em.createNativeQuery("""
                SELECT 1 FROM document_page WHERE document_id = ?1 AND page_number = ?2
                   AND personal_data_flags @> jsonb_build_array(CAST(?3 AS text))""").setParameter(1, documentId).setParameter(2, page)
                .setParameter(3, flag).getResultList().isEmpty();
    }
}
