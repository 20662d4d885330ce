package org.ringwatch.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;

/**
 * Writes the audit log: every change to accounts, invitations, tokens, requests and their
 * events, with before and after. It joins the caller's transaction, so a change and its entry
 * are written together or not at all.
 */
@ApplicationScoped
public class Audit {

    private final ObjectMapper json;

    public Audit(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param actorId null for RingWatch itself (start-up, scheduled work)
     * @param before  a record or map describing the thing before; null when it is new
     * @param after   the same after; null when it is gone
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long actorId, String action, String entityType, Object entityId, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = OffsetDateTime.now();
        entry.actorId = actorId;
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = String.valueOf(entityId);
        entry.beforeState = toJson(before);
        entry.afterState = toJson(after);
        entry.persist();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write audit state", e);
        }
    }
}
