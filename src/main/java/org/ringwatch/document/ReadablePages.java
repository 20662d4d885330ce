package org.ringwatch.document;

import java.util.List;

/**
 * The pages of a document that one viewer may read, with their text, for features above that
 * show them beside a form (the agreement form quotes from them). The viewer comes from
 * {@link DocumentAccess#find}, so a withheld page's text reaches only its reviewers.
 */
public final class ReadablePages {

    private ReadablePages() {
    }

    /** The pages with text this viewer may read, in page order; a page without text (or withheld from them) is left out. */
    public static List<PageText> of(DocumentView view) {
        return PageText.of(view).stream().filter(page -> page.text() != null && !page.text().isBlank()).toList();
    }
}
