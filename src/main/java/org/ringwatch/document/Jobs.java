package org.ringwatch.document;

import jakarta.persistence.EntityManager;

/** Queues background work in the job table, inside the caller's transaction. */
final class Jobs {

    private Jobs() {
    }

    /** Queues text extraction for a document, unless one is already pending or running. */
    static void enqueueExtraction(EntityManager em, long documentId) {
        em.createNativeQuery("""
                INSERT INTO job (kind, payload) VALUES ('extract', jsonb_build_object('document_id', CAST(?1 AS text)))
                ON CONFLICT ((payload ->> 'document_id')) WHERE kind = 'extract' AND status IN ('pending', 'running')
                DO NOTHING
                """).setParameter(1, String.valueOf(documentId)).executeUpdate();
    }
}
