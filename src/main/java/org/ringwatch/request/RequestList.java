package org.ringwatch.request;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.ringwatch.agency.Agency;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.Change;
import org.ringwatch.api.Cursor;
import org.ringwatch.api.IdOrder;
import org.ringwatch.api.SyncPosition;
import org.ringwatch.platform.SqlLimit;
import org.ringwatch.state.State;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists of requests for pages (in one query) and for the API, holding only what the viewer may see. */
@RequestScoped
public class RequestList {

    /** A request in a list. */
    @TemplateData
    public record Listed(long id, String title, String status, String agencyName, String agencyPath,
            LocalDate filedOn, String requesterName) {
    }

    /** A request in a list with its deadline reckoned, or no reckoning once it is closed. */
    @TemplateData
    public record Dated(Listed request, DeadlineCalculator.Reckoning deadline) {
    }

    private final EntityManager em;
    private final RequestAccess access;
    private final RequestViews views;
    private final Deadlines deadlines;
    private final RequestAttachments attachments;

    public RequestList(EntityManager em, RequestAccess access, RequestViews views, Deadlines deadlines,
            RequestAttachments attachments) {
        this.attachments = attachments;
        this.em = em;
        this.access = access;
        this.views = views;
        this.deadlines = deadlines;
    }

    /**
     * {@link #visible} of one agency, each open request with its deadline. Reckoned per open
     * request (its law and log are read for it): an agency has a handful of requests, not a list's worth.
     */
    public List<Dated> visibleWithDeadlines(long agencyId, int limit) {
        return visible(agencyId, limit).stream().map(listed -> {
            if (!RequestStatus.fromCode(listed.status()).map(RequestStatus::isActive).orElse(false)) {
                return new Dated(listed, null);
            }
            RecordsRequest request = RecordsRequest.<RecordsRequest>findByIdOptional(listed.id()).orElseThrow();
            return new Dated(listed, deadlines.reckon(request, RequestEvent.of(request)));
        }).toList();
    }

    /** Most recently changed first; all agencies when {@code agencyId} is null. */
    public List<Listed> visible(Long agencyId, int limit) {
        return visible(agencyId, null, limit);
    }

    /** {@link #visible(Long, int)} in one status only, or in any when {@code status} is null. */
    public List<Listed> visible(Long agencyId, RequestStatus status, int limit) {
        Query query = em.createNativeQuery("""
                SELECT r.id, r.title, r.status, a.name AS agency_name, a.state_code, a.slug, r.filed_on,
                       u.display_name
                  FROM records_request r JOIN agency a ON a.id = r.agency_id JOIN account u ON u.id = r.requester_id
                 WHERE""" + " " + RequestAccess.VISIBLE + """
                   AND (CAST(:agency AS bigint) IS NULL OR r.agency_id = :agency)
                   AND (CAST(:status AS text) IS NULL OR r.status = :status)
                 ORDER BY r.updated_at DESC, r.id DESC""" + SqlLimit.rows(limit), Tuple.class);
        access.bind(query);
        query.setParameter("agency", agencyId);
        query.setParameter("status", status == null ? null : status.code());
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(t -> new Listed(((Number) t.get("id")).longValue(), (String) t.get("title"),
                (String) t.get("status"), (String) t.get("agency_name"),
                "/agencies/" + ((String) t.get("state_code")).toLowerCase() + "/" + t.get("slug"),
                t.get("filed_on") == null ? null : toDate(t.get("filed_on")), (String) t.get("display_name"))).toList();
    }

    /** The API list's filters, parsed and checked (a bad one is a 400 naming its parameter); null filters nothing. */
    public record Filter(Long agencyId, String stateCode, RequestStatus status, Boolean overdue) {

        public static Filter of(String agency, String state, String status, String overdue) {
            Long agencyId = Agency.parameter(agency);
            String stateCode = State.parameter(state);
            RequestStatus wanted = blank(status) ? null : RequestStatus.fromCode(status)
                    .orElseThrow(() -> ApiProblem.badParameter("status", "status '" + status + "' is not one of "
                            + Arrays.stream(RequestStatus.values()).map(RequestStatus::code).toList()));
            Boolean overdueWanted = null;
            if (!blank(overdue)) {
                if (!overdue.equals("true") && !overdue.equals("false")) {
                    throw ApiProblem.badParameter("overdue", "overdue must be true or false");
                }
                overdueWanted = Boolean.valueOf(overdue);
            }
            return new Filter(agencyId, stateCode, wanted, overdueWanted);
        }

        private static boolean blank(String raw) {
            return raw == null || raw.isBlank();
        }
    }

    /** The cursor of a listed request: its id, the list being in id order. */
    public static String cursorOf(RecordsRequest request) {
        return Cursor.encode(String.valueOf(request.id));
    }

    /**
     * One page of the API's list, in {@code order}: up to {@code limit} requests the viewer may see
     * after {@code cursor} (null: from the start). Overdue is reckoned, not stored, so requests
     * are read in batches until the page is full.
     */
    public List<RecordsRequest> page(Filter filter, IdOrder order, String cursor, int limit) {
        StringBuilder where = new StringBuilder(RequestAccess.VISIBLE);
        Map<String, Object> parameters = new LinkedHashMap<>();
        where(filter, where, parameters);
        long lastSeen = cursor == null ? order.start() : afterId(cursor);
        List<RecordsRequest> rows = new ArrayList<>();
        while (rows.size() < limit) {
            Query query = em.createNativeQuery("SELECT r.* FROM records_request r JOIN agency a ON a.id = r.agency_id"
                    + " WHERE " + where + " AND " + order.after("r.id", "lastSeen") + " ORDER BY " + order.orderBy("r.id")
                    + SqlLimit.rows(limit), RecordsRequest.class);
            access.bind(query);
            parameters.forEach(query::setParameter);
            query.setParameter("lastSeen", lastSeen);
            @SuppressWarnings("unchecked")
            List<RecordsRequest> batch = query.getResultList();
            for (RecordsRequest request : batch) {
                if (rows.size() == limit) {
                    break;
                }
                if (filter.overdue() == null || views.view(request).deadline().overdue() == filter.overdue()) {
                    rows.add(request);
                }
            }
            if (batch.size() < limit) {
                break;
            }
            lastSeen = batch.get(batch.size() - 1).id;
        }
        return rows;
    }

    /** An entry of a listed request as its viewer may see it, with the ids of its documents they may see. */
    public record ListedEvent(RequestView view, RequestEvent event, List<Long> documents) {
    }

    /** The cursor of a listed entry: its request's id and its own, entries following requests' order. */
    public static String cursorOf(ListedEvent event) {
        return Cursor.encode(String.valueOf(event.view().request().id), String.valueOf(event.event().id));
    }

    /**
     * Up to {@code limit} entries of the requests {@link #page} lists, request by request in its
     * order and each request's entries in the order they were logged, after {@code cursor}. The
     * requests are those {@link #page} lets through and the entries those {@link RequestViews}
     * shows, so the entries list cannot show more than the requests list and the request itself.
     */
    public List<ListedEvent> events(Filter filter, IdOrder order, String cursor, int limit) {
        List<ListedEvent> rows = new ArrayList<>();
        String requests = null;
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            long requestId = number(keys.get(0));
            long eventId = number(keys.get(1));
            // The rest of the request the previous page ended in, if the list still holds it.
            page(filter, order, Cursor.encode(String.valueOf(order.justBefore(requestId))), 1).stream()
                    .filter(request -> request.id == requestId).forEach(request -> addEvents(rows, request, eventId));
            requests = Cursor.encode(String.valueOf(requestId));
        }
        while (rows.size() < limit) {
            List<RecordsRequest> batch = page(filter, order, requests, limit);
            batch.forEach(request -> addEvents(rows, request, Long.MIN_VALUE));
            if (batch.size() < limit) {
                break;
            }
            requests = cursorOf(batch.get(batch.size() - 1));
        }
        return rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows;
    }

    private void addEvents(List<ListedEvent> rows, RecordsRequest request, long afterEventId) {
        RequestView view = views.view(request);
        Map<Long, List<Long>> documents = documentsByEvent(request);
        view.events().stream().filter(event -> event.id > afterEventId)
                .sorted(Comparator.comparing(event -> event.id))
                .forEach(event -> rows.add(new ListedEvent(view, event, documents.getOrDefault(event.id, List.of()))));
    }

    /** The ids of the request's documents the viewer may see, by the entry they came with. */
    public Map<Long, List<Long>> documentsByEvent(RecordsRequest request) {
        Map<Long, List<Long>> byEvent = new LinkedHashMap<>();
        for (RequestAttachments.Attachment attachment : attachments.visibleOn(request)) {
            if (attachment.eventId() != null) {
                byEvent.computeIfAbsent(attachment.eventId(), id -> new ArrayList<>()).add(attachment.id());
            }
        }
        return byEvent;
    }

    private static long number(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw ApiProblem.badParameter("cursor", "cursor is not one this API issued");
        }
    }

    /**
     * Up to {@code limit} requests changed since a sync's mark, after its position, by id: every
     * request ever filed whose public side changed (the request, its log, its tracking numbers,
     * a document that came with it) or whose embargo ran out — an item when the public may see it
     * now, a tombstone when not (embargoed). A draft is neither: the public never saw it. A request
     * embargoed from its filing gives a tombstone when it changes, which says only its id.
     */
    public List<Change<RecordsRequest>> changes(Filter filter, SyncPosition sync, int limit) {
        List<Tuple> rows = changedRows(filter, sync, "r.id", limit);
        return rows.stream().map(t -> {
            long id = ((Number) t.get("id")).longValue();
            OffsetDateTime updatedAt = Change.timestamp(t.get("updated_at"));
            return Boolean.TRUE.equals(t.get("is_public"))
                    ? Change.live(id, RecordsRequest.<RecordsRequest>findById(id), updatedAt)
                    : Change.<RecordsRequest>tombstone(id, updatedAt);
        }).toList();
    }

    /**
     * Up to {@code limit} log entries of the requests {@link #changes} lists, by entry id: each
     * public entry of a changed request, as the public sees it when it may, a tombstone when its
     * request is embargoed now. Private entries are never listed, not even as tombstones, which
     * would say they exist; an entry's privacy is set when it is logged and never changes.
     */
    public List<Change<ListedEvent>> eventChanges(Filter filter, SyncPosition sync, int limit) {
        List<Tuple> rows = changedRows(filter, sync, "e.id", limit);
        Map<Long, RequestView> views = new HashMap<>();
        Map<Long, Map<Long, List<Long>>> documents = new HashMap<>();
        return rows.stream().map(t -> {
            long id = ((Number) t.get("event_id")).longValue();
            OffsetDateTime updatedAt = Change.timestamp(t.get("updated_at"));
            if (!Boolean.TRUE.equals(t.get("is_public"))) {
                return Change.<ListedEvent>tombstone(id, updatedAt);
            }
            long requestId = ((Number) t.get("id")).longValue();
            RequestView view = views.computeIfAbsent(requestId,
                    key -> this.views.view(RecordsRequest.<RecordsRequest>findById(key)));
            RequestEvent event = RequestEvent.findById(id);
            List<Long> ids = documents.computeIfAbsent(requestId, key -> documentsByEvent(view.request()))
                    .getOrDefault(id, List.of());
            return Change.live(id, new ListedEvent(view, event, ids), updatedAt);
        }).toList();
    }

    /**
     * The rows of a sync: requests ({@code order} r.id) or their public entries (e.id) changed
     * since the mark, with whether the request is public now and when it changed.
     */
    private List<Tuple> changedRows(Filter filter, SyncPosition sync, String order, int limit) {
        if (filter.overdue() != null) {
            throw ApiProblem.badParameter("overdue", "overdue changes with the calendar, not with the records, so a"
                    + " sync (updated_since) cannot follow it; leave it out and reckon it from due_date");
        }
        boolean events = order.equals("e.id");
        StringBuilder sql = new StringBuilder("SELECT r.id, ").append(events ? "e.id AS event_id, " : "")
                .append("(").append(RequestAccess.PUBLIC).append(") AS is_public, GREATEST(r.changed_at, ")
                .append("(SELECT max(d.changed_at) FROM document d WHERE d.request_id = r.id AND ")
                .append(sync.since().since("d.changed_xid", "d.changed_at")).append("), ")
                .append(RequestAccess.EMBARGO_ENDED_AT).append(") AS updated_at")
                .append(" FROM records_request r JOIN agency a ON a.id = r.agency_id")
                .append(events ? " JOIN request_event e ON e.request_id = r.id AND NOT e.is_private" : "")
                .append(" WHERE r.status <> 'draft' AND (").append(sync.since().since("r.changed_xid", "r.changed_at"))
                .append(" OR EXISTS (SELECT 1 FROM document d WHERE d.request_id = r.id AND ")
                .append(sync.since().since("d.changed_xid", "d.changed_at")).append(") OR ")
                .append(RequestAccess.EMBARGO_ENDED).append(")");
        Map<String, Object> parameters = new LinkedHashMap<>();
        where(filter, sql, parameters);
        sql.append(" AND ").append(order).append(" > :afterId ORDER BY ").append(order).append(SqlLimit.rows(limit));
        Query query = em.createNativeQuery(sql.toString(), Tuple.class);
        access.bindPublic(query);
        parameters.forEach(query::setParameter);
        RequestAccess.bindSync(query, sync);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows;
    }

    /** The filters (but overdue, which is reckoned) as SQL over requests {@code r} joined to agencies {@code a}. */
    static void where(Filter filter, StringBuilder where, Map<String, Object> parameters) {
        if (filter.agencyId() != null) {
            where.append(" AND r.agency_id = :agency");
            parameters.put("agency", filter.agencyId());
        }
        if (filter.stateCode() != null) {
            where.append(" AND a.state_code = :state");
            parameters.put("state", filter.stateCode());
        }
        if (filter.status() != null) {
            where.append(" AND r.status = :status");
            parameters.put("status", filter.status().code());
        }
    }

    private static long afterId(String cursor) {
        return number(Cursor.decode(cursor, 1).get(0));
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
