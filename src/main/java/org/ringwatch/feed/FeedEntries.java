package org.ringwatch.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.ringwatch.agreement.AgreementAccess;
import org.ringwatch.document.DocumentAccess;
import org.ringwatch.platform.SqlLimit;
import org.ringwatch.request.RequestAccess;
import org.ringwatch.request.RequestStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the feeds list: the newest published agreements, published documents and request
 * outcomes, site-wide, of one state or of one agency, in one query.
 *
 * <p>Feeds are shared by everyone (and by caches), so every branch reads with the rules for
 * anyone at all ({@link AgreementAccess#PUBLIC}, {@link DocumentAccess#PUBLIC},
 * {@link RequestAccess#PUBLIC}), never the viewer's own: a moderator's feed reader gets exactly
 * what an anonymous one gets [ASVS 8.2.1]. Entries carry titles, names and statuses only; a
 * clause's quote or a page's text (which a page withheld later may hide) is never selected.
 */
@ApplicationScoped
public class FeedEntries {

    /** A feed holds at most this many entries, the newest. */
    public static final int LIMIT = 50;

    /**
     * The statuses that make a request's log entry news: a decision, part of the records
     * released, an appeal, a withdrawal. Acknowledgements, fees and clarifications are steps.
     */
    static final List<String> OUTCOMES = Arrays.stream(RequestStatus.values())
            .filter(s -> s.isDecision() || s == RequestStatus.PARTIALLY_FULFILLED || s == RequestStatus.APPEALED
                    || s == RequestStatus.WITHDRAWN)
            .map(RequestStatus::code).toList();

    /** One entry: what happened, where, and when it became public. */
    public record Entry(Kind kind, long id, Long eventId, Instant at, String title, String code,
            String agencyName, String stateCode, String stateName, String agencySlug) {

        /** The page the entry links to, from the site's root. */
        public String path() {
            return switch (kind) {
                case AGREEMENT -> "/agreements/" + id;
                case DOCUMENT -> "/documents/" + id;
                case OUTCOME -> "/requests/" + id + "#event-" + eventId;
            };
        }

        public String agencyPath() {
            return "/agencies/" + stateCode.toLowerCase(java.util.Locale.ROOT) + "/" + agencySlug;
        }
    }

    public enum Kind {
        AGREEMENT, DOCUMENT, OUTCOME
    }

    private final EntityManager em;
    private final DocumentAccess documents;
    private final RequestAccess requests;

    public FeedEntries(EntityManager em, DocumentAccess documents, RequestAccess requests) {
        this.em = em;
        this.documents = documents;
        this.requests = requests;
    }

    public List<Entry> site() {
        return entries("TRUE", query -> { });
    }

    /** {@code stateCode} as stored: upper case. */
    public List<Entry> ofState(String stateCode) {
        return entries("g.state_code = :state", query -> query.setParameter("state", stateCode));
    }

    public List<Entry> ofAgency(long agencyId) {
        return entries("g.id = :agency", query -> query.setParameter("agency", agencyId));
    }

    /**
     * Each branch takes its own newest {@link #LIMIT} before the union is cut to the newest
     * {@link #LIMIT}, so no branch sorts more than it could contribute.
     *
     * @param scope a condition on the agency {@code g}, one of the constants above, never input
     */
    @SuppressWarnings("unchecked")
    private List<Entry> entries(String scope, Consumer<Query> bindScope) {
        Query query = em.createNativeQuery("""
                (SELECT 'AGREEMENT' AS kind, a.id AS id, CAST(NULL AS bigint) AS event_id, a.published_at AS at,
                        a.title AS title, a.kind AS code, g.name AS agency_name, g.state_code AS state_code,
                        s.name AS state_name, g.slug AS agency_slug
                   FROM agreement a
                   JOIN agency g ON g.id = a.agency_id
                   JOIN state s ON s.code = g.state_code
                  WHERE """ + " " + AgreementAccess.PUBLIC + " AND " + scope + """

                  ORDER BY a.published_at DESC, a.id DESC""" + SqlLimit.rows(LIMIT) + """
                  )
                UNION ALL
                (SELECT 'DOCUMENT', d.id, NULL, d.published_at, d.original_name, d.file_type, g.name, g.state_code,
                        s.name, g.slug
                   FROM document d
                   LEFT JOIN records_request r ON r.id = d.request_id
                   JOIN agency g ON g.id = d.agency_id
                   JOIN state s ON s.code = g.state_code
                  WHERE """ + " " + DocumentAccess.PUBLIC + " AND " + scope + """

                  ORDER BY d.published_at DESC, d.id DESC""" + SqlLimit.rows(LIMIT) + """
                  )
                UNION ALL
                (SELECT 'OUTCOME', r.id, e.id, e.created_at, r.title, e.status_to, g.name, g.state_code,
                        s.name, g.slug
                   FROM request_event e
                   JOIN records_request r ON r.id = e.request_id
                   JOIN agency g ON g.id = r.agency_id
                   JOIN state s ON s.code = g.state_code
                  WHERE """ + " " + RequestAccess.PUBLIC + " AND NOT e.is_private AND e.status_to IN (:outcomes) AND "
                + scope + """

                  ORDER BY e.created_at DESC, e.id DESC""" + SqlLimit.rows(LIMIT) + """
                  )
                ORDER BY at DESC, kind, id DESC""" + SqlLimit.rows(LIMIT), Tuple.class);
        query.setParameter("outcomes", OUTCOMES);
        documents.bindPublic(query);
        requests.bindPublic(query);
        bindScope.accept(query);
        return ((List<Tuple>) query.getResultList()).stream().map(FeedEntries::entry).toList();
    }

    private static Entry entry(Tuple row) {
        Number eventId = row.get("event_id", Number.class);
        return new Entry(Kind.valueOf(row.get("kind", String.class)), row.get("id", Number.class).longValue(),
                eventId == null ? null : eventId.longValue(), instant(row.get("at")),
                row.get("title", String.class), row.get("code", String.class), row.get("agency_name", String.class),
                row.get("state_code", String.class), row.get("state_name", String.class),
                row.get("agency_slug", String.class));
    }

    /** A timestamptz as the driver hands it back (its type depends on the Hibernate and JDBC versions). */
    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return Instant.from((TemporalAccessor) value);
    }
}
