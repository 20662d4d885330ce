package org.ringwatch.agency;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.Cursor;
import org.ringwatch.api.QueryDates;
import org.ringwatch.platform.SqlLimit;
import org.ringwatch.state.State;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dated facts of every agency's Ring partnership (on the portal, agreement signed, council
 * approval, announced, ended) with their sources, as the API lists them: by id, one query per page.
 */
@RequestScoped
public class FactList {

    static final Set<String> KINDS = Set.of("portal_active", "agreement_signed", "council_approval", "announced",
            "ended");

    /** A fact with its agency and its source; {@code date} is ISO at its precision ("2020-09" for a month). */
    public record Item(long id, String agency, String agencyName, String state, String kind, String date,
            String precision, String statement, String sourceRecord, Source source) {
    }

    /** Where a fact comes from, and under which licence it may be reused. */
    public record Source(String title, String publisher, String url, String licence, String retrieved) {
    }

    /** The filters, parsed and checked: a bad one is a 400 naming its parameter. */
    public record Filters(String state, Long agency, String kind, LocalDate from, LocalDate to) {

        public static Filters of(String state, String agency, String kind, String from, String to) {
            String wanted = kind == null || kind.isBlank() ? null : kind.strip();
            if (wanted != null && !KINDS.contains(wanted)) {
                throw ApiProblem.badParameter("kind", "kind must be one of " + KINDS.stream().sorted().toList()
                        + "; got '" + kind + "'");
            }
            return new Filters(State.parameter(state), Agency.parameter(agency), wanted,
                    QueryDates.parse("from", from), QueryDates.parse("to", to));
        }
    }

    private final EntityManager em;

    public FactList(EntityManager em) {
        this.em = em;
    }

    /** Up to {@code limit} facts after {@code cursor} (null: from the start), by id. */
    public List<Item> page(Filters filters, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT f.id, a.state_code, a.slug, a.name AS agency_name, f.kind, f.occurred_on, f.precision,
                       f.statement, f.source_record, s.title, s.publisher, s.url, s.licence, s.retrieved
                  FROM partnership_fact f JOIN agency a ON a.id = f.agency_id JOIN source s ON s.id = f.source_id
                 WHERE true""");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filters.state() != null) {
            sql.append(" AND a.state_code = :state");
            parameters.put("state", filters.state());
        }
        if (filters.agency() != null) {
            sql.append(" AND f.agency_id = :agency");
            parameters.put("agency", filters.agency());
        }
        if (filters.kind() != null) {
            sql.append(" AND f.kind = :kind");
            parameters.put("kind", filters.kind());
        }
        if (filters.from() != null) {
            sql.append(" AND f.occurred_on >= :from");
            parameters.put("from", filters.from());
        }
        if (filters.to() != null) {
            sql.append(" AND f.occurred_on <= :to");
            parameters.put("to", filters.to());
        }
        if (cursor != null) {
            sql.append(" AND f.id > :after");
            parameters.put("after", id(Cursor.decode(cursor, 1).get(0)));
        }
        sql.append(" ORDER BY f.id").append(SqlLimit.rows(limit));
        var query = em.createNativeQuery(sql.toString(), Tuple.class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(FactList::item).toList();
    }

    public static String cursorOf(Item item) {
        return Cursor.encode(String.valueOf(item.id()));
    }

    private static long id(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw ApiProblem.badParameter("cursor", "cursor is not one this API issued");
        }
    }

    private static Item item(Tuple t) {
        String state = ((String) t.get("state_code")).strip();
        Object day = t.get("occurred_on");
        LocalDate date = day instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) day;
        return new Item(((Number) t.get("id")).longValue(), state + "/" + t.get("slug"), (String) t.get("agency_name"),
                state, (String) t.get("kind"), new PartialDate(date, (String) t.get("precision")).iso(),
                (String) t.get("precision"), (String) t.get("statement"), (String) t.get("source_record"),
                new Source((String) t.get("title"), (String) t.get("publisher"), (String) t.get("url"),
                        (String) t.get("licence"), (String) t.get("retrieved")));
    }
}
