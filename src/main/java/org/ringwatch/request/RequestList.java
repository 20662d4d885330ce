package org.ringwatch.request;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.time.LocalDate;
import java.util.List;

/** Lists of requests for pages, in one query, holding only what the viewer may see. */
@RequestScoped
public class RequestList {

    /** A request in a list. */
    @TemplateData
    public record Listed(long id, String title, String status, String agencyName, String agencyPath,
            LocalDate filedOn, String requesterName) {
    }

    private final EntityManager em;
    private final RequestAccess access;

    public RequestList(EntityManager em, RequestAccess access) {
        this.em = em;
        this.access = access;
    }

    /** Most recently changed first; all agencies when {@code agencyId} is null. */
    public List<Listed> visible(Long agencyId, int limit) {
        Query query = em.createNativeQuery("""
                SELECT r.id, r.title, r.status, a.name AS agency_name, a.state_code, a.slug, r.filed_on,
                       u.display_name
                  FROM records_request r JOIN agency a ON a.id = r.agency_id JOIN account u ON u.id = r.requester_id
                 WHERE""" + " " + RequestAccess.VISIBLE + """
                   AND (CAST(:agency AS bigint) IS NULL OR r.agency_id = :agency)
                 ORDER BY r.updated_at DESC, r.id DESC LIMIT :limit
                """, Tuple.class);
        access.bind(query);
        query.setParameter("agency", agencyId);
        query.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(t -> new Listed(((Number) t.get("id")).longValue(), (String) t.get("title"),
                (String) t.get("status"), (String) t.get("agency_name"),
                "/agencies/" + ((String) t.get("state_code")).toLowerCase() + "/" + t.get("slug"),
                t.get("filed_on") == null ? null : toDate(t.get("filed_on")), (String) t.get("display_name"))).toList();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
