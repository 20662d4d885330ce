package org.ringwatch.document;

import jakarta.persistence.EntityManager;

/** Queues background work in the job table, inside the caller's transaction. */
final class Jobs {

    /** Reads a document's text, page by page, and pictures its first page. */
    static final String EXTRACT = "extract";
    /** Makes the copy of a document the public gets when some of its pages are withheld. */
    static final String PUBLIC_COPY = "public_copy";

    private Jobs() {
    }

    /** Queues text extraction for a document, unless one is already pending or running. */
    static void enqueueExtraction(EntityManager em, long documentId) {
        enqueue(em, EXTRACT, documentId);
    }

    /**
     * Queues the making of a document's public copy, unless one is pending or running already: a
     * running one that finds the withheld pages changed under it queues itself again.
     */
    static void enqueuePublicCopy(EntityManager em, long documentId) {
        enqueue(em, PUBLIC_COPY, documentId);
    }

    // Each kind has its own partial unique index (V3, V5) saying one pending or running per document.
    private static void enqueue(EntityManager em, String kind, long documentId) {
        em.createNativeQuery("""
                INSERT INTO job (kind, payload) VALUES (?1, jsonb_build_object('document_id', CAST(?2 AS text)))
                ON CONFLICT DO NOTHING
                """).setParameter(1, kind).setParameter(2, String.valueOf(documentId)).executeUpdate();
    }
}
