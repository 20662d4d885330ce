package org.ringwatch.agreement;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.ringwatch.agency.AgencyScope;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Month by month, from {@link #FIRST} to {@link #LAST}: how many agencies went live on Ring's
 * portal (their {@code portal_active} partnership fact, each agency once, at its earliest) and
 * how many published agreements were signed (their {@code signed} date). Dates known only to the
 * year cannot be placed in a month and dates outside the range have no bar: both are counted so
 * that the page can say how many are not drawn. One grouped statement for the whole range.
 *
 * <p>In the agreement package because it reads the agreements beside the agency's facts.
 */
@ApplicationScoped
public class PartnershipTimeline {

    public static final YearMonth FIRST = YearMonth.of(2018, 1);
    public static final YearMonth LAST = YearMonth.of(2020, 12);

    @TemplateData
    public record Month(YearMonth month, long live, long signed) {
    }

    /**
     * The months in order, and what is not drawn: facts known only to the year, and facts
     * placed in a month outside the range.
     */
    @TemplateData
    public record Timeline(List<Month> months, long liveYearOnly, long liveOutside, long signedYearOnly,
            long signedOutside) {

        public long maxLive() {
            return months.stream().mapToLong(Month::live).max().orElse(0);
        }

        public long maxSigned() {
            return months.stream().mapToLong(Month::signed).max().orElse(0);
        }

        public long totalLive() {
            return months.stream().mapToLong(Month::live).sum();
        }

        public long totalSigned() {
            return months.stream().mapToLong(Month::signed).sum();
        }

        /** The month's counts; zero for a month outside the range. */
        public Month month(YearMonth month) {
            return months.stream().filter(m -> m.month().equals(month)).findFirst().orElse(new Month(month, 0, 0));
        }
    }

    private final EntityManager em;

    public PartnershipTimeline(EntityManager em) {
        this.em = em;
    }

    public Timeline of(AgencyScope scope) {
        Query query = em.createNativeQuery("""
                SELECT 'live' AS series, first.month, first.year_only, count(*)
                  FROM (SELECT DISTINCT ON (f.agency_id) date_trunc('month', f.occurred_on)::date AS month,
                               f.precision = 'year' AS year_only
                          FROM partnership_fact f JOIN agency ag ON ag.id = f.agency_id
                         WHERE f.kind = 'portal_active' AND\s""" + scope.condition() + """

                         ORDER BY f.agency_id, f.occurred_on, f.precision) AS first
                 GROUP BY first.month, first.year_only
                UNION ALL
                SELECT 'signed', date_trunc('month', d.occurred_on)::date, d.precision = 'year', count(*)
                  FROM agreement_date d JOIN agreement a ON a.id = d.agreement_id JOIN agency ag ON ag.id = a.agency_id
                 WHERE d.kind = 'signed' AND\s""" + AgreementAccess.PUBLIC + " AND " + scope.condition() + """

                 GROUP BY 2, 3
                """);
        scope.bind(query);
        Map<YearMonth, long[]> counts = new HashMap<>();
        long[] notDrawn = new long[4];   // live year-only, live outside, signed year-only, signed outside
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            int series = "live".equals(row[0]) ? 0 : 1;
            YearMonth month = YearMonth.from(date(row[1]));
            long count = ((Number) row[3]).longValue();
            if ((Boolean) row[2]) {
                notDrawn[series * 2] += count;
            } else if (month.isBefore(FIRST) || month.isAfter(LAST)) {
                notDrawn[series * 2 + 1] += count;
            } else {
                counts.computeIfAbsent(month, m -> new long[2])[series] += count;
            }
        }
        List<Month> months = new ArrayList<>();
        for (YearMonth month = FIRST; !month.isAfter(LAST); month = month.plusMonths(1)) {
            long[] both = counts.getOrDefault(month, new long[2]);
            months.add(new Month(month, both[0], both[1]));
        }
        return new Timeline(months, notDrawn[0], notDrawn[1], notDrawn[2], notDrawn[3]);
    }

    private static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
