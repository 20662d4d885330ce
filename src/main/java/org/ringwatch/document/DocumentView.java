package org.ringwatch.document;

import jakarta.ws.rs.core.Response;

/**
 * A document as one viewer may see it, made by {@link DocumentAccess#view}. The page, the JSON,
 * the file, its ranges and the thumbnail all answer from it, so they cannot disagree.
 *
 * @param review     the viewer reviews the document: sees the original and every page's text
 * @param file       the bytes this viewer gets
 * @param publicFile the bytes anyone gets; null when the document is not public
 */
public record DocumentView(Document document, boolean review, Copy file, Copy publicFile) {

    /** One version of a document's bytes and the thumbnail of its first page. */
    public record Copy(String sha256, String thumbnailSha256) {
        static Copy original(Document document) {
            return new Copy(document.blobSha256, document.thumbnailSha256);
        }
    }

    /** Whether this viewer's file is the one anyone gets. */
    public boolean fileIsPublic() {
        return file.equals(publicFile);
    }

    /** Whether this viewer's page and JSON are the ones anyone gets (a reviewer's show more). */
    public boolean pageIsPublic() {
        return publicFile != null && !review;
    }

    /** For reviewers: what the public gets instead of the original, when that differs; null otherwise. */
    public String publicFileNote() {
        if (document.withheldPages == 0) {
            return null;
        }
        if (!PublicCopy.canCopy(document.type())) {
            return "A part of this file is withheld, so no part of it is public.";
        }
        return document.publicBlobSha256 == null
                ? "The copy without the withheld pages is being made; until it exists the public gets nothing."
                : "The public gets a copy where each withheld page says why (SHA-256 " + document.publicBlobSha256
                        + ").";
    }

    /**
     * Cache-Control for a file or thumbnail this viewer gets: shared caches may keep it only when
     * anyone would get the same, and must check its ETag before each use (no-cache), because a
     * page withheld later changes the public bytes at once; anything else is not stored at all.
     */
    static String cacheControl(boolean sameForAnyone) {
        return sameForAnyone ? "public, no-cache" : PRIVATE;
    }

    /**
     * The document's page or JSON: not to be stored unless it is what anyone gets (a reviewer's
     * shows withheld text and flags; a document on a draft or embargoed request is nobody else's).
     */
    static Response.ResponseBuilder privateUnlessPublic(Response.ResponseBuilder response, DocumentView view) {
        return view.pageIsPublic() ? response : response.header("Cache-Control", PRIVATE);
    }

    private static final String PRIVATE = "private, no-store";
}
