package org.ringwatch.agency;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.Cursor;
import org.ringwatch.platform.Names;
import org.ringwatch.platform.SqlLimit;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cities and counties as the API lists them, with how many agencies sit in or serve each, in
 * state and slug order, one query per page.
 */
@RequestScoped
public class JurisdictionList {

    /**
     * A city or county. {@code page} is its page on the site (a county's by its FIPS code, when
     * the boundary file knows it), which lists its agencies.
     */
    public record Item(String state, String kind, String slug, String name, String geoid, Integer population,
            BigDecimal latitude, BigDecimal longitude, long agencyCount, String page) {
    }

    /** A city or a county: the {@code kind} filter. */
    public static String kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String kind = raw.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("city") && !kind.equals("county")) {
            throw ApiProblem.badParameter("kind", "kind must be city or county; got '" + raw + "'");
        }
        return kind;
    }

    private final EntityManager em;

    public JurisdictionList(EntityManager em) {
        this.em = em;
    }

    /**
     * Up to {@code limit} jurisdictions after {@code cursor} (null: from the start); a null filter
     * filters nothing, {@code nameQuery} matches anywhere in the name, case and accents aside.
     */
    public List<Item> page(String stateCode, String kind, String nameQuery, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT j.state_code, j.kind, j.slug, j.name, j.geoid, j.population, j.latitude, j.longitude,
                       (SELECT count(*) FROM agency a
                         WHERE a.city_id = j.id
                            OR EXISTS (SELECT 1 FROM agency_county ac WHERE ac.agency_id = a.id AND ac.county_id = j.id))
                       AS agency_count
                  FROM jurisdiction j WHERE true""");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (stateCode != null) {
            sql.append(" AND j.state_code = :state");
            parameters.put("state", stateCode);
        }
        if (kind != null) {
            sql.append(" AND j.kind = :kind");
            parameters.put("kind", kind);
        }
        if (nameQuery != null) {
            sql.append(" AND j.name_folded LIKE '%' || rw_fold(:q) || '%' ESCAPE '\\'");
            parameters.put("q", AgencyDirectory.escapeLike(Names.clean(nameQuery)));
        }
        if (cursor != null) {
            List<String> after = Cursor.decode(cursor, 2);
            sql.append(" AND (j.state_code, j.slug) > (CAST(:afterState AS bpchar), :afterSlug)");
            parameters.put("afterState", after.get(0));
            parameters.put("afterSlug", after.get(1));
        }
        sql.append(" ORDER BY j.state_code, j.slug").append(SqlLimit.rows(limit));
        var query = em.createNativeQuery(sql.toString(), Tuple.class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(JurisdictionList::item).toList();
    }

    public static String cursorOf(Item item) {
        return Cursor.encode(item.state(), item.slug());
    }

    private static Item item(Tuple t) {
        String state = ((String) t.get("state_code")).strip();
        String kind = (String) t.get("kind");
        String slug = (String) t.get("slug");
        String geoid = (String) t.get("geoid");
        String lower = state.toLowerCase(Locale.ROOT);
        String page = kind.equals("city") ? "/states/" + lower + "/cities/" + slug
                : geoid == null ? null : "/states/" + lower + "/counties/" + geoid;
        return new Item(state, kind, slug, (String) t.get("name"), geoid,
                t.get("population") == null ? null : ((Number) t.get("population")).intValue(),
                (BigDecimal) t.get("latitude"), (BigDecimal) t.get("longitude"),
                ((Number) t.get("agency_count")).longValue(), page);
    }
}
