package org.ringwatch.agency;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.ringwatch.api.Change;
import org.ringwatch.api.SyncPosition;
import org.ringwatch.platform.JdbcReads;
import org.ringwatch.platform.Names;
import org.ringwatch.platform.SqlLimit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The read side of the agency directory: the list queries behind search, the home page and the
 * API (the city and state pages, which show each agency's agreement status, read
 * {@code agreement.AgencyStatusList}).
 * Each is one SQL statement (the first Ring date of each agency comes from a lateral join,
 * never a query per row), with parameters bound and nothing from the user spliced in.
 */
@ApplicationScoped
public class AgencyDirectory {

    /** Columns of an agency row, in the order {@link #row} reads them. */
    private static final String AGENCY_COLUMNS = """
            a.state_code, a.slug, a.name, a.kind, c.name AS city_name, c.slug AS city_slug,
            f.occurred_on, f.precision
            """;
    private static final String AGENCY_JOINS = """
            FROM agency a
            LEFT JOIN jurisdiction c ON c.id = a.city_id
            LEFT JOIN LATERAL (SELECT occurred_on, precision FROM partnership_fact
                                WHERE agency_id = a.id AND kind = 'portal_active'
                                ORDER BY occurred_on LIMIT 1) f ON true
            """;

    private final EntityManager em;
    private final JdbcReads jdbc;

    public AgencyDirectory(EntityManager em, JdbcReads jdbc) {
        this.em = em;
        this.jdbc = jdbc;
    }

    /** An agency as lists show it, with the date it first went live on Ring's portal (if known). */
    @TemplateData
    public record AgencyRow(String stateCode, String slug, String name, String kind, String cityName,
            String citySlug, PartialDate firstActive) {

        public String urlPath() {
            return "/agencies/" + stateCode.trim().toLowerCase() + "/" + slug;
        }
    }

    /** The figures on the home page. */
    public record Headline(long agencies, long states, PartialDate earliest, PartialDate latest) {
    }

    /** Where the API's keyset pagination resumes: after this state and slug. */
    public record Position(String stateCode, String slug) {
    }

    public Headline headline() {
        Tuple counts = (Tuple) em.createNativeQuery("""
                SELECT count(DISTINCT f.agency_id) AS agencies, count(DISTINCT a.state_code) AS states
                  FROM partnership_fact f JOIN agency a ON a.id = f.agency_id
                 WHERE f.kind = 'portal_active'
                """, Tuple.class).getSingleResult();
        return new Headline(((Number) counts.get("agencies")).longValue(), ((Number) counts.get("states")).longValue(),
                activeDate("ASC"), activeDate("DESC"));
    }

    /** Agency counts per state code, for the state list. */
    public Map<String, Long> countsByState() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT state_code, count(*) FROM agency GROUP BY state_code")
                .getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put(((String) columns[0]).trim(), ((Number) columns[1]).longValue());
        }
        return counts;
    }

    /**
     * One page of agencies in (state, slug) order, optionally of one state and matching a name.
     *
     * @param nameQuery matched case- and accent-insensitively anywhere in the name; null for all
     * @param after     resume after this position; null for the first page
     * @param limit     rows wanted; one more is fetched to know whether a next page exists
     */
    public List<AgencyRow> page(String stateCode, String nameQuery, Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(AGENCY_COLUMNS).append(AGENCY_JOINS).append(" WHERE true");
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter(sql, parameters, stateCode, nameQuery);
        if (after != null) {
            sql.append(" AND (a.state_code, a.slug) > (CAST(:afterState AS bpchar), :afterSlug)");
            parameters.put("afterState", after.stateCode());
            parameters.put("afterSlug", after.slug());
        }
        sql.append(" ORDER BY a.state_code, a.slug").append(SqlLimit.rows(limit));
        // Plain JDBC: the API's agency list is among its busiest reads (JdbcReads says why).
        return jdbc.list(sql.toString(), parameters, row -> row(JdbcReads.byName(row)));
    }

    /**
     * Up to {@code limit} agencies changed since a sync's mark (the agency, its partnership facts,
     * links or counties), after its position, by id. Never a tombstone: an agency, once seeded,
     * stays public.
     */
    public List<Change<AgencyRow>> changes(String stateCode, String nameQuery, SyncPosition sync, int limit) {
        StringBuilder sql = new StringBuilder("SELECT a.id, a.changed_at, ").append(AGENCY_COLUMNS).append(AGENCY_JOINS)
                .append(" WHERE ").append(sync.since().since("a.changed_xid", "a.changed_at"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter(sql, parameters, stateCode, nameQuery);
        sql.append(" AND a.id > :afterId ORDER BY a.id").append(SqlLimit.rows(limit));
        var query = em.createNativeQuery(sql.toString(), Tuple.class);
        parameters.forEach(query::setParameter);
        sync.bind(query);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(t -> Change.live(((Number) t.get("id")).longValue(), row(t::get),
                Change.timestamp(t.get("changed_at")))).toList();
    }

    private static void filter(StringBuilder sql, Map<String, Object> parameters, String stateCode, String nameQuery) {
        if (stateCode != null) {
            sql.append(" AND a.state_code = :state");
            parameters.put("state", stateCode);
        }
        if (nameQuery != null) {
            sql.append(" AND a.name_folded LIKE '%' || rw_fold(:q) || '%' ESCAPE '\\'");
            parameters.put("q", escapeLike(Names.clean(nameQuery)));
        }
    }

    private PartialDate activeDate(String direction) {
        List<?> rows = em.createNativeQuery("SELECT occurred_on, precision FROM partnership_fact"
                + " WHERE kind = 'portal_active' ORDER BY occurred_on " + ("ASC".equals(direction) ? "ASC" : "DESC")
                + ", precision LIMIT 1", Tuple.class).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Tuple tuple = (Tuple) rows.get(0);
        return new PartialDate(toDate(tuple.get(0)), (String) tuple.get(1));
    }

    /** An agency row from its columns by name (a Tuple's or a JDBC row's). */
    private static AgencyRow row(Function<String, Object> t) {
        Object date = t.apply("occurred_on");
        return new AgencyRow(((String) t.apply("state_code")).trim(), (String) t.apply("slug"), (String) t.apply("name"),
                (String) t.apply("kind"), (String) t.apply("city_name"), (String) t.apply("city_slug"),
                date == null ? null : new PartialDate(toDate(date), (String) t.apply("precision")));
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    /** {@code value} matched literally by LIKE … ESCAPE '\\': its backslashes, % and _ escaped. */
    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
