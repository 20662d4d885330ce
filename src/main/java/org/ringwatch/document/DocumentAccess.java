package org.ringwatch.document;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.Query;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.request.RequestAccess;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may see a document and which bytes they get, decided once for the page, the page text,
 * the file, ranges of it, the thumbnail, search results and the API [ASVS 8.2.1]. The uploader,
 * the requester and moderators review it: they see it always, the original file and every page
 * (a document obtained elsewhere has no requester: its uploader and moderators review it).
 * Everyone else sees it only when it is public: published, on a request anyone may see (or on
 * none, when it was obtained elsewhere), and with
 * no withheld page the public could read. A PDF with withheld pages is public through a copy in
 * which they are replaced, once that copy is made; any other file with a withheld part is not
 * public at all (only a PDF's pages can be replaced, {@link PublicCopy#canCopy}).
 */
@RequestScoped
public class DocumentAccess {

    private final RequestAccess requests;
    private final CurrentAccount me;

    public DocumentAccess(RequestAccess requests, CurrentAccount me) {
        this.requests = requests;
        this.me = me;
    }

    /** The document {@code id} as this viewer may see it; empty when it is missing or they may not. */
    public Optional<DocumentView> find(long id) {
        return Document.findWithRequest(id).flatMap(this::view);
    }

    /** A SHA-256 as the citation URLs spell it: 64 hexadecimal digits (either case). */
    public static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * The document a citation by hash means for this viewer: the first whose file, as this
     * viewer gets it (the public copy for the public), has exactly these bytes. The public never
     * finds a document by the hash of an original whose withheld pages they may not read.
     */
    public Optional<DocumentView> findByFileHash(String sha256) {
        String wanted = sha256.toLowerCase(Locale.ROOT);
        return Document.withFileHash(wanted).stream().map(this::view).flatMap(Optional::stream)
                .filter(view -> wanted.equals(view.file().sha256())).findFirst();
    }

    /** {@link #find} after a change made in its own transaction: this request's session still holds the old state. */
    public Optional<DocumentView> findChanged(long id) {
        Document.getEntityManager().clear();
        return find(id);
    }

    /** The document as this viewer may see it; empty when they may not (answer 404, as for a missing one). */
    public Optional<DocumentView> view(Document document) {
        DocumentView.Copy everyone = isPublic(document) ? publicCopy(document).orElseThrow() : null;
        if (canReview(document)) {
            return Optional.of(new DocumentView(document, true, DocumentView.Copy.original(document), everyone));
        }
        return Optional.ofNullable(everyone).map(copy -> new DocumentView(document, false, copy, copy));
    }

    public boolean canSee(Document document) {
        return canReview(document) || isPublic(document);
    }

    /** Whether anyone at all, signed in or not, may see the document: the only case a shared cache may keep it. */
    public boolean isPublic(Document document) {
        return document.isPublished() && publicCopy(document).isPresent()
                && (document.request == null || requests.isPublic(document.request));
    }

    /** Sees private and withheld documents and pages: the uploader, the requester, moderators. */
    public boolean canReview(Document document) {
        return (document.request == null ? me.isModerator() : requests.canSeePrivate(document.request))
                || me.id().map(id -> id.equals(document.uploadedBy.id)).orElse(false);
    }

    public boolean canPublish() {
        return me.isModerator();
    }

    /** The bytes the public may get, if any: the original while no page is withheld, else the copy without them. */
    private static Optional<DocumentView.Copy> publicCopy(Document document) {
        if (document.withheldPages == 0) {
            return Optional.of(DocumentView.Copy.original(document));
        }
        if (!PublicCopy.canCopy(document.type()) || document.publicBlobSha256 == null) {
            return Optional.empty();
        }
        return Optional.of(new DocumentView.Copy(document.publicBlobSha256, document.publicThumbnailSha256));
    }

    /**
     * {@link #isPublic} as an SQL condition for lists and search (documents aliased d, requests r);
     * bind its parameters with {@link #bindPublic}. Join the requests with a LEFT JOIN: a document
     * obtained elsewhere has none, and an inner join would leave it out of every list.
     */
    public static final String PUBLIC = "d.visibility = 'published'"
            + " AND (NOT EXISTS (SELECT 1 FROM document_page w WHERE w.document_id = d.id AND w.withheld)"
            + " OR (d.file_type = '" + FileType.PDF.code() + "' AND d.public_blob_sha256 IS NOT NULL))"
            // The document's own column, not r.id: a request missing from the join (a condition in
            // its ON) then fails the request's rule instead of passing as "no request".
            + " AND (d.request_id IS NULL OR " + RequestAccess.PUBLIC + ")";

    public void bindPublic(Query query) {
        requests.bindPublic(query);
    }

    /** {@link #PUBLIC}'s parameters by name, for a query that does not go through Hibernate. */
    public Map<String, Object> publicParameters() {
        return requests.publicParameters();
    }
}
