package org.ringwatch.document;

import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.Cursor;

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

    /** The cursor after this page in a list of a document's pages. */
    static String cursorOf(PageText page) {
        return Cursor.encode(String.valueOf(page.number()));
    }

    /** The page number a {@link #cursorOf} cursor is after; a 400 naming cursor for one we did not issue. */
    static int numberOf(String cursor) {
        try {
            return Integer.parseInt(Cursor.decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw ApiProblem.badParameter("cursor", "cursor is not one this API issued");
        }
    }

    /** A link to the page in the file; none to a withheld page for the public, whose file has only the notice there. */
    public boolean linked(DocumentView view) {
        return !withheld || view.review();
    }
}
