package org.ringwatch.agreement;

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
import org.ringwatch.api.QueryDates;
import org.ringwatch.platform.SqlLimit;
import org.ringwatch.state.State;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists of agreements holding only what the viewer may see, newest first, for the API and the pages. */
@RequestScoped
public class AgreementList {

    private final EntityManager em;
    private final AgreementAccess access;
    private final AgreementViews views;

    public AgreementList(EntityManager em, AgreementAccess access, AgreementViews views) {
        this.views = views;
        this.em = em;
        this.access = access;
    }

    /**
     * The filters, parsed and checked (a bad one is a 400 naming its parameter); a null field
     * filters nothing. A clause filter without a state means the clause is on the paper (present
     * or struck). Signed dates compare by the first day of their precision.
     */
    public record Filter(String stateCode, Long agencyId, Vocabulary.Kind kind, ClauseTopic clause,
            Vocabulary.ClauseState clauseState, LocalDate signedFrom, LocalDate signedTo) {

        public static Filter of(String state, String agency, String kind, String clause, String clauseState,
                String signedFrom, String signedTo) {
            String stateCode = State.parameter(state);
            Long agencyId = Agency.parameter(agency);
            Vocabulary.Kind wantedKind = blank(kind) ? null : Vocabulary.fromCode(Vocabulary.Kind.class, kind)
                    .orElseThrow(() -> ApiProblem.badParameter("kind", "kind '" + kind + "' is not one of "
                            + codes(Vocabulary.Kind.values())));
            ClauseTopic topic = blank(clause) ? null : Vocabulary.fromCode(ClauseTopic.class, clause)
                    .orElseThrow(() -> ApiProblem.badParameter("clause", "clause '" + clause + "' is not one of "
                            + codes(ClauseTopic.values())));
            Vocabulary.ClauseState wantedState = blank(clauseState) ? null
                    : Vocabulary.fromCode(Vocabulary.ClauseState.class, clauseState).orElseThrow(() -> ApiProblem
                            .badParameter("clause_state", "clause_state '" + clauseState + "' is not one of "
                                    + codes(Vocabulary.ClauseState.values())));
            if (wantedState != null && topic == null) {
                throw ApiProblem.badParameter("clause_state", "clause_state needs clause");
            }
            return new Filter(stateCode, agencyId, wantedKind, topic, wantedState,
                    QueryDates.parse("signed_from", signedFrom), QueryDates.parse("signed_to", signedTo));
        }

        private static List<String> codes(Vocabulary.Coded[] values) {
            return Arrays.stream(values).map(Vocabulary.Coded::code).toList();
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    /** Up to {@code limit} agreements after {@code cursor} (null: from the start), in {@code order}. */
    public List<Agreement> page(Filter filter, IdOrder order, String cursor, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(filter, parameters);
        if (cursor != null) {
            where += " AND " + order.after("a.id", "after");
            parameters.put("after", afterId(cursor));
        }
        Query query = em.createNativeQuery("SELECT a.* FROM agreement a JOIN agency g ON g.id = a.agency_id WHERE "
                + where + " ORDER BY " + order.orderBy("a.id") + SqlLimit.rows(limit), Agreement.class);
        access.bind(query);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Agreement> rows = query.getResultList();
        return rows;
    }

    /**
     * Up to {@code limit} agreements changed since a sync's mark (the agreement, its dates,
     * signatories, clauses or documents), after its position, by id: an item when published, a
     * tombstone when unpublished since. One never published is neither: the public never saw it.
     * Filters match the agreement as it is now.
     */
    public List<Change<Agreement>> changes(Filter filter, SyncPosition sync, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = narrowed(new StringBuilder("a.was_published AND ")
                .append(sync.since().since("a.changed_xid", "a.changed_at")), filter, parameters);
        Query query = em.createNativeQuery("SELECT a.id, (" + AgreementAccess.PUBLIC + ") AS is_public, a.changed_at"
                + " FROM agreement a JOIN agency g ON g.id = a.agency_id WHERE " + where
                + " AND a.id > :afterId ORDER BY a.id" + SqlLimit.rows(limit), Tuple.class);
        parameters.forEach(query::setParameter);
        sync.bind(query);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(t -> {
            long id = ((Number) t.get("id")).longValue();
            OffsetDateTime changedAt = Change.timestamp(t.get("changed_at"));
            return Boolean.TRUE.equals(t.get("is_public"))
                    ? Change.live(id, Agreement.<Agreement>findById(id), changedAt)
                    : Change.<Agreement>tombstone(id, changedAt);
        }).toList();
    }

    /** The cursor of a listed agreement: its id, the list being newest first. */
    public static String cursorOf(Agreement agreement) {
        return Cursor.encode(String.valueOf(agreement.id));
    }

    static long afterId(String cursor) {
        return number(Cursor.decode(cursor, 1).get(0));
    }

    private static long number(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw ApiProblem.badParameter("cursor", "cursor is not one this API issued");
        }
    }

    /** A clause of a listed agreement, as its viewer may see it (a quote from a page withheld from them is null). */
    public record ListedClause(AgreementView view, AgreementView.ClauseLine clause) {
    }

    /** The cursor of a listed clause: its agreement's id and its topic, clauses following agreements' order. */
    public static String cursorOf(ListedClause clause) {
        return Cursor.encode(String.valueOf(clause.view().agreement().id), clause.clause().topic().code());
    }

    /**
     * Up to {@code limit} clauses of the agreements {@link #page} lists, agreement by agreement in
     * its order and each agreement's clauses in topic order, after {@code cursor}. Each is what
     * {@link AgreementViews#summary} shows, so the clauses list cannot show more than the
     * agreement itself.
     */
    public List<ListedClause> clauses(Filter filter, IdOrder order, String cursor, int limit) {
        List<ListedClause> rows = new ArrayList<>();
        String agreements = null;
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            long agreementId = number(keys.get(0));
            ClauseTopic after = Vocabulary.fromCode(ClauseTopic.class, keys.get(1))
                    .orElseThrow(() -> ApiProblem.badParameter("cursor", "cursor is not one this API issued"));
            // The rest of the agreement the previous page ended in, if the list still holds it.
            page(filter, order, Cursor.encode(String.valueOf(order.justBefore(agreementId))), 1).stream()
                    .filter(agreement -> agreement.id == agreementId)
                    .forEach(agreement -> addClauses(rows, agreement, after));
            agreements = Cursor.encode(String.valueOf(agreementId));
        }
        while (rows.size() < limit) {
            List<Agreement> batch = page(filter, order, agreements, limit);
            batch.forEach(agreement -> addClauses(rows, agreement, null));
            if (batch.size() < limit) {
                break;
            }
            agreements = cursorOf(batch.get(batch.size() - 1));
        }
        return rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows;
    }

    private void addClauses(List<ListedClause> rows, Agreement agreement, ClauseTopic after) {
        AgreementView view = views.summary(agreement);
        view.clauses().stream().filter(clause -> after == null || clause.topic().compareTo(after) > 0)
                .forEach(clause -> rows.add(new ListedClause(view, clause)));
    }

    /**
     * The filters as SQL over agreements {@code a} joined to their agency {@code g}, with what
     * {@link AgreementAccess#VISIBLE} allows; the API's list and the agreements page share it.
     */
    static String where(Filter filter, Map<String, Object> parameters) {
        return narrowed(new StringBuilder(AgreementAccess.VISIBLE), filter, parameters);
    }

    /** {@code where} and the filters. */
    private static String narrowed(StringBuilder where, Filter filter, Map<String, Object> parameters) {
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
        return where.toString();
    }
}
