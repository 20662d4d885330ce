package org.ringwatch.agreement;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.Query;
import org.ringwatch.account.CurrentAccount;

import java.util.Optional;

/**
 * Who may see and change an agreement, decided once for every representation (page, JSON,
 * lists, the agency page, search) [ASVS 8.2.1]. A draft is its author's and the moderators'; a
 * published agreement is everyone's, and from then on only moderators change it. What a viewer
 * sees of each citation (a withheld page stays withheld) is {@link AgreementViews}'s part.
 */
@RequestScoped
public class AgreementAccess {

    private final CurrentAccount me;

    public AgreementAccess(CurrentAccount me) {
        this.me = me;
    }

    /** The agreement {@code id} if this viewer may see it; empty when it is missing or they may not (answer 404). */
    public Optional<Agreement> find(long id) {
        return Agreement.<Agreement>findByIdOptional(id).filter(this::canSee);
    }

    public boolean canSee(Agreement agreement) {
        return agreement.isPublished() || canEdit(agreement);
    }

    public boolean canEdit(Agreement agreement) {
        return me.isModerator() || (!agreement.isPublished() && isAuthor(agreement));
    }

    public boolean canPublish() {
        return me.isModerator();
    }

    private boolean isAuthor(Agreement agreement) {
        return me.id().map(id -> id.equals(agreement.createdBy.id)).orElse(false);
    }

    /** {@link #canSee} as SQL for lists (agreements aliased {@code a}); bind with {@link #bind}. */
    public static final String VISIBLE = "(a.visibility = 'published' OR :moderator OR a.created_by = :viewer)";

    /** {@link #canSee} for anyone at all, signed in or not. */
    public static final String PUBLIC = "a.visibility = 'published'";

    public void bind(Query query) {
        query.setParameter("moderator", me.isModerator());
        query.setParameter("viewer", me.id().orElse(-1L));
    }
}
