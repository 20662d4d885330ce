package org.ringwatch.document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A document's pages as the features above read them when they cite a page (agreements): the
 * text a quote is checked against, and which pages are withheld and why. No access decision is
 * made here; callers ask {@link DocumentAccess} first.
 */
public final class PageTexts {

    private PageTexts() {
    }

    /** The extracted text of page {@code number}; empty when the document has no such page. */
    public static Optional<String> text(long documentId, int number) {
        List<?> rows = Document.getEntityManager()
                .createNativeQuery("SELECT text_content FROM document_page WHERE document_id = ?1 AND page_number = ?2")
                .setParameter(1, documentId).setParameter(2, number).getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }

    /** The withheld pages of each document, by document id, then page number → reason; one query for all. */
    public static Map<Long, SortedMap<Integer, String>> withheld(List<Long> documentIds) {
        Map<Long, SortedMap<Integer, String>> pages = new HashMap<>();
        documentIds.forEach(id -> pages.put(id, new TreeMap<>()));
        if (documentIds.isEmpty()) {
            return pages;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Document.getEntityManager().createNativeQuery("""
                SELECT document_id, page_number, withheld_reason FROM document_page
                 WHERE document_id = ANY(CAST(?1 AS bigint[])) AND withheld""")
                .setParameter(1, documentIds.stream().distinct().toArray(Long[]::new)).getResultList();
        rows.forEach(row -> pages.get(((Number) row[0]).longValue()).put(((Number) row[1]).intValue(), (String) row[2]));
        return pages;
    }
}
