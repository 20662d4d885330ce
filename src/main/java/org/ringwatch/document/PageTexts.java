package org.ringwatch.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

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

    /** The withheld pages of each document, by document id, then page number → reason. */
    public static Map<Long, SortedMap<Integer, String>> withheld(List<Long> documentIds) {
        return documentIds.stream().distinct()
                .collect(java.util.stream.Collectors.toMap(id -> id, Document::withheldReasons));
    }
}
