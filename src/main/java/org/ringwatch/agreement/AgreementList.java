package org.ringwatch.agreement;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists of agreements holding only what the viewer may see, newest first, for the API and the pages. */
@RequestScoped
public class AgreementList {

    private final EntityManager em;
    private final AgreementAccess access;

    public AgreementList(EntityManager em, AgreementAccess access) {
        this.em = em;
        this.access = access;
    }

    /**
     * The filters; a null field filters nothing. A clause filter without a state means the clause
     * is on the paper (present or struck). Signed dates compare by the first day of their precision.
     */
    public record Filter(String stateCode, Long agencyId, Vocabulary.Kind kind, ClauseTopic clause,
            Vocabulary.ClauseState clauseState, LocalDate signedFrom, LocalDate signedTo, Long afterId) {
    }

    /** Up to {@code limit} agreements after {@code filter.afterId}, by id descending. */
    public List<Agreement> page(Filter filter, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(filter, parameters);
        Query query = em.createNativeQuery("SELECT a.* FROM agreement a JOIN agency g ON g.id = a.agency_id WHERE "
                + where + " ORDER BY a.id DESC LIMIT :limit", Agreement.class);
        access.bind(query);
        parameters.forEach(query::setParameter);
        query.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Agreement> rows = query.getResultList();
        return rows;
    }

    /**
     * The filters as SQL over agreements {@code a} joined to their agency {@code g}, with what
     * {@link AgreementAccess#VISIBLE} allows; the API's list and the agreements page share it.
     */
    static String where(Filter filter, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(AgreementAccess.VISIBLE);
        if (filter.stateCode() != null) {
            where.append(" AND g.state_code = :state");
            parameters.put("state", filter.stateCode());
        }
        if (filter.agencyId() != null) {
            where.append(" AND a.agency_id = :agency");
            parameters.put("agency", filter.agencyId());
        }
        if (filter.kind() != null) {
            where.append(" AND a.kind = :kind");
            parameters.put("kind", filter.kind().code());
        }
        if (filter.clause() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM agreement_clause c WHERE c.agreement_id = a.id AND c.topic = :clause")
                    .append(filter.clauseState() == null ? " AND c.state IN ('present', 'struck'))" : " AND c.state = :clauseState)");
            parameters.put("clause", filter.clause().code());
            if (filter.clauseState() != null) {
                parameters.put("clauseState", filter.clauseState().code());
            }
        }
        if (filter.signedFrom() != null || filter.signedTo() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM agreement_date s WHERE s.agreement_id = a.id AND s.kind = 'signed'");
            if (filter.signedFrom() != null) {
                where.append(" AND s.occurred_on >= :signedFrom");
                parameters.put("signedFrom", filter.signedFrom());
            }
            if (filter.signedTo() != null) {
                where.append(" AND s.occurred_on <= :signedTo");
                parameters.put("signedTo", filter.signedTo());
            }
            where.append(")");
        }
        if (filter.afterId() != null) {
            where.append(" AND a.id < :after");
            parameters.put("after", filter.afterId());
        }
        return where.toString();
    }
}
