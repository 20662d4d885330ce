package org.ringwatch.request;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.Query;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.api.SyncPosition;
import org.ringwatch.platform.Today;

import java.util.Map;

/**
 * Who may see and change a request, decided in one place for every representation (page,
 * letter, JSON, list, dashboard) [ASVS 8.2.1]. Requests are public once filed and out of
 * embargo; drafts, embargoed requests, private notes and private log entries are for the
 * requester and moderators only.
 */
@RequestScoped
public class RequestAccess {

    private final CurrentAccount me;
    private final Today today;

    public RequestAccess(CurrentAccount me, Today today) {
        this.me = me;
        this.today = today;
    }

    public boolean canSee(RecordsRequest request) {
        return canSeePrivate(request) || isPublic(request);
    }

    /** Whether anyone at all, signed in or not, may see it: filed and out of embargo. */
    public boolean isPublic(RecordsRequest request) {
        return !request.isDraft() && !request.isEmbargoed(today.date());
    }

    /** Private notes, private log entries, the letter with the requester's contact details. */
    public boolean canSeePrivate(RecordsRequest request) {
        return me.isModerator() || me.account().map(request::isOwnedBy).orElse(false);
    }

    public boolean canChange(RecordsRequest request) {
        return canSeePrivate(request);
    }

    /** {@link #isPublic} as SQL (requests aliased {@code r}); bind its parameter with {@link #bindPublic}. */
    public static final String PUBLIC = "(r.status <> 'draft' AND (r.embargo_until IS NULL OR r.embargo_until <= :today))";

    /**
     * The SQL condition a list adds so it shows only what {@link #canSee} allows (requests
     * aliased {@code r}); bind its parameters with {@link #bind}.
     */
    /**
     * For a sync ({@code updated_since}): the request's embargo ran out after the day of the
     * mark the client sent and by the day of the mark handed back. Nothing in the database changes
     * when an embargo simply runs out, so a sync asks for those by date; bind with {@link #bindSync}.
     */
    public static final String EMBARGO_ENDED = "(r.embargo_until > :sinceDay AND r.embargo_until <= :markDay)";

    /** When such a lapsed embargo counts as changed: the start of its last day, US Eastern; null for others. */
    public static final String EMBARGO_ENDED_AT = "CASE WHEN " + EMBARGO_ENDED
            + " THEN CAST(r.embargo_until AS timestamp) AT TIME ZONE :zone END";

    /** Binds a sync's :sinceXid or :sinceAt, {@link #EMBARGO_ENDED}'s days and zone, and :afterId. */
    public static void bindSync(Query query, SyncPosition sync) {
        sync.bind(query);
        query.setParameter("sinceDay", sync.since().day());
        query.setParameter("markDay", sync.mark().day());
        query.setParameter("zone", Today.ZONE.getId());
    }

    public static final String VISIBLE = "(:moderator OR r.requester_id = :viewer OR " + PUBLIC + ")";

    public void bind(Query query) {
        query.setParameter("moderator", me.isModerator());
        query.setParameter("viewer", me.id().orElse(-1L));
        bindPublic(query);
    }

    public void bindPublic(Query query) {
        publicParameters().forEach(query::setParameter);
    }

    /** {@link #PUBLIC}'s parameter by name, for a query that does not go through Hibernate. */
    public Map<String, Object> publicParameters() {
        return Map.of("today", today.date());
    }
}
