package org.ringwatch.document;

import java.util.List;

/**
 * The text of one page as a viewer may see it: a withheld page shows its reason and, to anyone
 * but its reviewers, no text. Its personal-data flags: {@link PersonalDataFlag}, for reviewers only.
 */
public record PageText(int number, String text, String source, boolean withheld, String withheldReason) {

    static List<PageText> of(DocumentView view) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Document.getEntityManager().createNativeQuery("""
                SELECT page_number, text_content, text_source, withheld, withheld_reason
                  FROM document_page WHERE document_id = ?1 ORDER BY page_number
                """).setParameter(1, view.document().id).getResultList();
        return rows.stream().map(r -> {
            boolean withheld = (Boolean) r[3];
            return new PageText(((Number) r[0]).intValue(), withheld && !view.review() ? null : (String) r[1],
                    (String) r[2], withheld, (String) r[4]);
        }).toList();
    }

    /** A link to the page in the file; none to a withheld page for the public, whose file has only the notice there. */
    public boolean linked(DocumentView view) {
        return !withheld || view.review();
    }
}
