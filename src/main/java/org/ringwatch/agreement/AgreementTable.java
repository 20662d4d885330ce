package org.ringwatch.agreement;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.ringwatch.agency.PartialDate;
import org.ringwatch.platform.SqlLimit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of the agreements page: the agreements a viewer may see, newest first, with agency and
 * signed date in one query, filtered by state, kind, and what they say about a clause
 * ({@code ?clause=confidentiality&clause_state=struck}), so the totals can link each count to the
 * agreements behind it. The filters mean what the API list's do.
 */
@RequestScoped
public class AgreementTable {

    /** At most this many agreements on one page. */
    public static final int LIMIT = 200;

    /** An agreement in the list, with its agency and the date it was signed when known. */
    @TemplateData
    public record Row(long id, String title, Vocabulary.Kind kind, boolean draft, String agencyName,
            String agencyPath, PartialDate signed) {
    }

    /** The filters; a null one filters nothing. */
    @TemplateData
    public record Filter(String state, Vocabulary.Kind kind, ClauseTopic clause, Vocabulary.ClauseState clauseState) {
        public boolean isEmpty() {
            return state == null && kind == null && clause == null && clauseState == null;
        }

        /**
         * The filters as a link gives them: blank means none; a value outside its list is
         * refused with a message naming the parameter (IllegalArgumentException).
         */
        public static Filter parse(String state, String kind, String clause, String clauseState) {
            String code = blank(state) ? null : state.strip();
            if (code != null && !code.matches("[A-Za-z]{2}")) {
                throw new IllegalArgumentException("state: give a two-letter state code, such as OR.");
            }
            if (blank(clause) && !blank(clauseState)) {
                throw new IllegalArgumentException("clause_state: name the clause too, such as clause=confidentiality.");
            }
            return new Filter(code == null ? null : code.toUpperCase(Locale.ROOT),
                    chosen(Vocabulary.Kind.class, kind, "kind"), chosen(ClauseTopic.class, clause, "clause"),
                    chosen(Vocabulary.ClauseState.class, clauseState, "clause_state"));
        }

        private static <E extends Enum<E> & Vocabulary.Coded> E chosen(Class<E> type, String code, String name) {
            if (blank(code)) {
                return null;
            }
            return Vocabulary.fromCode(type, code).orElseThrow(() -> new IllegalArgumentException(
                    name + ": “" + abbreviated(code.strip()) + "” is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                            .map(Vocabulary.Coded::code).collect(java.util.stream.Collectors.joining(", ")) + "."));
        }

        private static String abbreviated(String value) {
            return value.length() > 40 ? value.substring(0, 40) + "…" : value;
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    private final EntityManager em;
    private final AgreementAccess access;

    public AgreementTable(EntityManager em, AgreementAccess access) {
        this.em = em;
        this.access = access;
    }

    public List<Row> visible(Filter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = AgreementList.where(new AgreementList.Filter(filter.state(), null, filter.kind(), filter.clause(),
                filter.clauseState(), null, null), parameters);
        Query query = em.createNativeQuery("""
                SELECT a.id, a.title, a.kind, a.visibility, g.name AS agency_name, g.state_code, g.slug,
                       s.occurred_on, s.precision
                  FROM agreement a JOIN agency g ON g.id = a.agency_id
                  LEFT JOIN agreement_date s ON s.agreement_id = a.id AND s.kind = 'signed'
                 WHERE""" + " " + where + """

                 ORDER BY a.created_at DESC, a.id DESC""" + SqlLimit.rows(LIMIT), Tuple.class);
        access.bind(query);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(t -> new Row(((Number) t.get("id")).longValue(), (String) t.get("title"),
                Vocabulary.fromCode(Vocabulary.Kind.class, (String) t.get("kind")).orElseThrow(),
                !"published".equals(t.get("visibility")), (String) t.get("agency_name"),
                "/agencies/" + ((String) t.get("state_code")).toLowerCase(Locale.ROOT) + "/" + t.get("slug"),
                t.get("occurred_on") == null ? null
                        : new PartialDate(toDate(t.get("occurred_on")), (String) t.get("precision")))).toList();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
