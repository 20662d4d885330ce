package org.ringwatch.request;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
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

    public RequestList(EntityManager em, RequestAccess access, RequestViews views, Deadlines deadlines) {
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
                 ORDER BY r.updated_at DESC, r.id DESC LIMIT :limit
                """, Tuple.class);
        access.bind(query);
        query.setParameter("agency", agencyId);
        query.setParameter("status", status == null ? null : status.code());
        query.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(t -> new Listed(((Number) t.get("id")).longValue(), (String) t.get("title"),
                (String) t.get("status"), (String) t.get("agency_name"),
                "/agencies/" + ((String) t.get("state_code")).toLowerCase() + "/" + t.get("slug"),
                t.get("filed_on") == null ? null : toDate(t.get("filed_on")), (String) t.get("display_name"))).toList();
    }

    /** The API list's filters; a null field filters nothing, {@code afterId} resumes after that request. */
    public record Filter(Long agencyId, String stateCode, RequestStatus status, Boolean overdue, Long afterId) {
    }

    /**
     * One page of the API's list, newest first: up to {@code pageSize + 1} requests the viewer may
     * see (the extra one tells the caller a next page exists). Overdue is reckoned, not stored, so
     * requests are read in batches until the page is full.
     */
    public List<RecordsRequest> page(Filter filter, int pageSize) {
        StringBuilder where = new StringBuilder(RequestAccess.VISIBLE);
        Map<String, Object> parameters = new LinkedHashMap<>();
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
        if (filter.afterId() != null) {
            where.append(" AND r.id < :after");
            parameters.put("after", filter.afterId());
        }
        List<RecordsRequest> rows = new ArrayList<>();
        long lastSeen = Long.MAX_VALUE;
        while (rows.size() <= pageSize) {
            Query query = em.createNativeQuery("SELECT r.* FROM records_request r JOIN agency a ON a.id = r.agency_id"
                    + " WHERE " + where + " AND r.id < :lastSeen ORDER BY r.id DESC LIMIT :batch", RecordsRequest.class);
            access.bind(query);
            parameters.forEach(query::setParameter);
            query.setParameter("lastSeen", lastSeen);
            query.setParameter("batch", pageSize + 1);
            @SuppressWarnings("unchecked")
            List<RecordsRequest> batch = query.getResultList();
            for (RecordsRequest request : batch) {
                if (rows.size() > pageSize) {
                    break;
                }
                if (filter.overdue() == null || views.view(request).deadline().overdue() == filter.overdue()) {
                    rows.add(request);
                }
            }
            if (batch.size() <= pageSize) {
                break;
            }
            lastSeen = batch.get(batch.size() - 1).id;
        }
        return rows;
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
