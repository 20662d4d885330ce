package org.ringwatch.agreement;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read model behind the maps: per county (by the FIPS code the seed gave it) how many partner
 * agencies serve it and how many of those have a published agreement, and the agencies of one
 * county. One statement each; only published agreements count, the same for every viewer, as in
 * {@link AgreementStatuses}.
 */
@ApplicationScoped
public class CountyFigures {

    /** Whether the agency has an agreement anyone may read. */
    private static final String OBTAINED = """
            EXISTS (SELECT 1 FROM agreement g WHERE g.agency_id = a.id AND g.visibility = 'published')
            """;

    private final EntityManager em;

    public CountyFigures(EntityManager em) {
        this.em = em;
    }

    /** One county's figures: partner agencies, and those of them with an agreement obtained. */
    public record Figure(long agencies, long obtained) {
        public static final Figure NONE = new Figure(0, 0);
    }

    /** A partner agency of a county, as its page lists it. */
    @TemplateData
    public record CountyAgency(String name, String stateCode, String slug, String cityName, boolean obtained) {

        public String urlPath() {
            return "/agencies/" + stateCode.trim().toLowerCase(Locale.ROOT) + "/" + slug;
        }
    }

    /**
     * Figures by county FIPS code, for every county with at least one partner agency (all states
     * when {@code stateCode} is null).
     */
    public Map<String, Figure> byCounty(String stateCode) {
        Query query = em.createNativeQuery("""
                SELECT j.geoid, count(*) AS agencies, count(*) FILTER (WHERE o.obtained) AS obtained
                  FROM jurisdiction j
                  JOIN agency_county ac ON ac.county_id = j.id
                  JOIN agency a ON a.id = ac.agency_id
                  CROSS JOIN LATERAL (SELECT %s AS obtained) o
                 WHERE j.kind = 'county' AND j.geoid IS NOT NULL AND (CAST(? AS text) IS NULL OR j.state_code = ?)
                 GROUP BY j.geoid
                """.formatted(OBTAINED), Tuple.class);
        query.setParameter(1, stateCode);
        query.setParameter(2, stateCode);
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Tuple t = (Tuple) row;
            figures.put(t.get(0, String.class), new Figure(((Number) t.get(1)).longValue(), ((Number) t.get(2)).longValue()));
        }
        return figures;
    }

    /** The partner agencies of one county, by name. */
    public List<CountyAgency> agencies(String stateCode, String fips) {
        Query query = em.createNativeQuery("""
                SELECT a.name, a.state_code, a.slug, c.name AS city_name, %s AS obtained
                  FROM jurisdiction j
                  JOIN agency_county ac ON ac.county_id = j.id
                  JOIN agency a ON a.id = ac.agency_id
                  LEFT JOIN jurisdiction c ON c.id = a.city_id
                 WHERE j.kind = 'county' AND j.state_code = ? AND j.geoid = ?
                 ORDER BY a.name, a.id
                """.formatted(OBTAINED), Tuple.class);
        query.setParameter(1, stateCode);
        query.setParameter(2, fips);
        return ((List<?>) query.getResultList()).stream().map(Tuple.class::cast)
                .map(t -> new CountyAgency(t.get(0, String.class), t.get(1, String.class), t.get(2, String.class),
                        t.get(3, String.class), Boolean.TRUE.equals(t.get(4))))
                .toList();
    }
}
