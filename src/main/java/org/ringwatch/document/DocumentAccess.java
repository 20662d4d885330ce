package org.ringwatch.document;

import jakarta.enterprise.context.RequestScoped;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.request.RequestAccess;

/**
 * Who may see a document, decided once for the page, the page text, the file, ranges of it,
 * search results and the API [ASVS 8.2.1]: the public sees a document only when it is published
 * and its request is public; the uploader, the requester and moderators see it always.
 */
@RequestScoped
public class DocumentAccess {

    private final RequestAccess requests;
    private final CurrentAccount me;

    public DocumentAccess(RequestAccess requests, CurrentAccount me) {
        this.requests = requests;
        this.me = me;
    }

    public boolean canSee(Document document) {
        return canReview(document) || (document.isPublished() && requests.canSee(document.request));
    }

    /** Sees private and withheld documents and pages: the uploader, the requester, moderators. */
    public boolean canReview(Document document) {
        return requests.canSeePrivate(document.request)
                || me.id().map(id -> id.equals(document.uploadedBy.id)).orElse(false);
    }

    public boolean canPublish() {
        return me.isModerator();
    }

    /** The SQL condition for lists and search (documents aliased d, requests r). */
    public static final String PUBLIC = "d.visibility = 'published' AND " + RequestAccess.VISIBLE;
}
