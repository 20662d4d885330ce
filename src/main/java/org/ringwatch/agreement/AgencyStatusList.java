package org.ringwatch.agreement;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.ringwatch.agency.PartialDate;
import org.ringwatch.platform.SqlLimit;
import org.ringwatch.platform.Today;
import org.ringwatch.request.DeadlineCalculator;
import org.ringwatch.request.Deadlines;
import org.ringwatch.request.RequestAccess;
import org.ringwatch.request.RequestStatus;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Partner agencies with their {@link AgreementStatus}, for the city and state pages, the coverage
 * figures and the lists behind them. The status rule is stated here once, as SQL ({@link #JOINS}
 * and {@link #KIND}), and {@link AgreementStatuses#of} runs it for one agency, so a list and an
 * agency's page cannot disagree. It reads only what anyone may see: published agreements
 * ({@link AgreementAccess#PUBLIC}) and public requests ({@link RequestAccess#PUBLIC}).
 *
 * <p>The due date of an asked agency depends on its state's law and holidays, which are Java
 * ({@link Deadlines}). A list's query returns each asked row's status history as text, and the
 * rows are reckoned in Java afterwards with the law and holidays read once per state (asked rows
 * are few, and none at all means no further query).
 */
@ApplicationScoped
public class AgencyStatusList {

    /** The statuses that leave a request open (asked), as an SQL list of literals. */
    private static final String OPEN = RequestStatus.activeCodes().stream().map(code -> "'" + code + "'")
            .collect(Collectors.joining(", "));

    /**
     * The rule's joins, for agencies aliased {@code ag}; bind {@code :today}. {@code ob} is the
     * first published agreement (and how many there are), {@code rq} the most telling public
     * request: no responsive records, then denied, then open; among equals the latest.
     */
    public static final String JOINS = """
            LEFT JOIN LATERAL (SELECT a.id, a.kind, a.title, count(*) OVER () AS agreements,
                                      sd.occurred_on AS signed_on, sd.precision AS signed_precision
                                 FROM agreement a
                                 LEFT JOIN agreement_date sd ON sd.agreement_id = a.id AND sd.kind = 'signed'
                                WHERE a.agency_id = ag.id AND""" + " " + AgreementAccess.PUBLIC + """

                                ORDER BY a.id LIMIT 1) ob ON true
            LEFT JOIN LATERAL (SELECT r.id, r.status
                                 FROM records_request r
                                WHERE r.agency_id = ag.id AND""" + " " + RequestAccess.PUBLIC + """

                                  AND r.status IN ('no_responsive_records', 'denied',""" + " " + OPEN + """
            )
                                ORDER BY CASE r.status WHEN 'no_responsive_records' THEN 0
                                                       WHEN 'denied' THEN 1 ELSE 2 END,
                                         r.created_at DESC, r.id DESC
                                LIMIT 1) rq ON true
            """;

    /** The status code ({@link AgreementStatus.Kind#code()}) from {@link #JOINS}. */
    public static final String KIND = """
            CASE WHEN ob.id IS NOT NULL THEN 'obtained'
                 WHEN rq.status = 'no_responsive_records' THEN 'no_agreement'
                 WHEN rq.status = 'denied' THEN 'withheld'
                 WHEN rq.id IS NOT NULL THEN 'asked'
                 ELSE 'not_asked' END""";

    /**
     * What a row shows of its status. The exemption is the latest public entry's that cites one;
     * the history counts every status change, private or not, as the request page's deadline does.
     */
    private static final String STATUS_COLUMNS = KIND + " AS st_kind," + """
             ob.id AS st_agreement, ob.kind AS st_agreement_kind, ob.title AS st_agreement_title,
             ob.agreements AS st_agreements, ob.signed_on AS st_signed_on, ob.signed_precision AS st_signed_precision,
             CASE WHEN ob.id IS NULL THEN rq.id END AS st_request,
             CASE WHEN ob.id IS NULL THEN rq.status END AS st_request_status,
             CASE WHEN ob.id IS NULL AND rq.status = 'denied' THEN
                  (SELECT e.exemption_cited FROM request_event e
                    WHERE e.request_id = rq.id AND NOT e.is_private AND btrim(e.exemption_cited) <> ''
                    ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1) END AS st_exemption,
             CASE WHEN ob.id IS NULL AND rq.status NOT IN ('no_responsive_records', 'denied') THEN
                  (SELECT string_agg(e.occurred_on || ' ' || e.status_to, ',' ORDER BY e.occurred_on, e.id)
                     FROM request_event e WHERE e.request_id = rq.id AND e.status_to IS NOT NULL) END AS st_history
            """;

    /** An agency row: the agency, its city, its first date on Ring's portal with that fact's source. */
    private static final String AGENCY_COLUMNS = """
            ag.id AS agency_id, ag.state_code, ag.slug, ag.name, ag.kind, c.name AS city_name, c.slug AS city_slug,
            c.population, f.occurred_on AS portal_on, f.precision AS portal_precision,
            f.source_title, f.source_url,
            """;

    private static final String AGENCY_JOINS = """
            LEFT JOIN LATERAL (SELECT pf.occurred_on, pf.precision, s.title AS source_title, s.url AS source_url
                                 FROM partnership_fact pf JOIN source s ON s.id = pf.source_id
                                WHERE pf.agency_id = ag.id AND pf.kind = 'portal_active'
                                ORDER BY pf.occurred_on, pf.id LIMIT 1) f ON true
            """;

    /** The city page's one statement: the city, its state, and each agency based there with its status. */
    static final String CITY_SQL = "SELECT st.name AS state_name, c.name AS the_city, c.slug AS the_city_slug, "
            + AGENCY_COLUMNS + STATUS_COLUMNS + """
              FROM jurisdiction c
              JOIN state st ON st.code = c.state_code
              LEFT JOIN agency ag ON ag.city_id = c.id
            """ + AGENCY_JOINS + JOINS + """
             WHERE c.state_code = :state AND c.kind = 'city' AND c.slug = :slug
             ORDER BY ag.name
            """;

    private static final String AGENCIES_SQL = "SELECT " + AGENCY_COLUMNS + STATUS_COLUMNS + """
              FROM agency ag
              LEFT JOIN jurisdiction c ON c.id = ag.city_id
            """ + AGENCY_JOINS + JOINS;

    /** Which agencies a coverage list shows; the codes are the {@code status} of its address. */
    public enum Filter {
        ALL("Partner agencies", "true"),
        ASKED("Asked", "st_kind <> 'not_asked'"),
        WAITING("Waiting for an answer", "st_kind = 'asked'"),
        OBTAINED("Agreement obtained", "st_kind = 'obtained'"),
        NO_AGREEMENT("No agreement exists", "st_kind = 'no_agreement'"),
        WITHHELD("Withheld", "st_kind = 'withheld'"),
        NOT_ASKED("Not yet asked", "st_kind = 'not_asked'");

        private final String label;
        private final String sql;

        Filter(String label, String sql) {
            this.label = label;
            this.sql = sql;
        }

        public String label() {
            return label;
        }

        public String code() {
            return this == ALL ? "" : key();
        }

        /** A name for every filter, ALL included ("all"), for CSS classes. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The filter named {@code code}; empty or missing is every agency, anything else unknown. */
        public static Optional<Filter> fromCode(String code) {
            if (code == null || code.isBlank()) {
                return Optional.of(ALL);
            }
            return Arrays.stream(values()).filter(f -> f != ALL && f.code().equals(code.strip().toLowerCase(Locale.ROOT)))
                    .findFirst();
        }
    }

    /** How a coverage list is ordered: an allowlist, never a column name from the address. */
    public enum Sort {
        PLACE("place", "state_code, city_name NULLS LAST, name, agency_id"),
        POPULATION("largest city first", "population DESC NULLS LAST, name, agency_id"),
        PORTAL("earliest on Ring's portal first", "portal_on NULLS LAST, name, agency_id");

        private final String label;
        private final String sql;

        Sort(String label, String sql) {
            this.label = label;
            this.sql = sql;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Sort> fromCode(String code) {
            if (code == null || code.isBlank()) {
                return Optional.of(PLACE);
            }
            return Arrays.stream(values()).filter(s -> s.code().equals(code.strip().toLowerCase(Locale.ROOT)))
                    .findFirst();
        }
    }

    /** A partner agency in a list, with its status and its first date on Ring's portal. */
    @TemplateData
    public record Row(long agencyId, String stateCode, String slug, String name, String kind, String cityName,
            String citySlug, Integer population, PartialDate portal, String portalSource, String portalSourceUrl,
            AgencyStatus status) {

        public String urlPath() {
            return "/agencies/" + stateCode.toLowerCase(Locale.ROOT) + "/" + slug;
        }

        public String cityPath() {
            return citySlug == null ? null : "/states/" + stateCode.toLowerCase(Locale.ROOT) + "/cities/" + citySlug;
        }

        /** Where a volunteer starts a request to this agency. */
        public String askPath() {
            return "/requests/new?agency=" + stateCode + "/" + slug;
        }
    }

    /** A city with its state's name and its agencies. */
    @TemplateData
    public record CityPage(String stateCode, String stateName, String name, String slug, List<Row> agencies) {

        public String stateUrlCode() {
            return stateCode.toLowerCase(Locale.ROOT);
        }
    }

    /** The coverage figures of one state, or of the nation ({@code stateCode} null). */
    @TemplateData
    public record Coverage(String stateCode, String stateName, long agencies, long obtained, long noAgreement,
            long withheld, long waiting, long notAsked) {

        public String urlCode() {
            return stateCode == null ? null : stateCode.toLowerCase(Locale.ROOT);
        }

        /** Every agency whose status is not "not yet asked": an agreement found elsewhere counts too. */
        public long asked() {
            return agencies - notAsked;
        }

        public long count(Filter filter) {
            return switch (filter) {
                case ALL -> agencies;
                case ASKED -> asked();
                case WAITING -> waiting;
                case OBTAINED -> obtained;
                case NO_AGREEMENT -> noAgreement;
                case WITHHELD -> withheld;
                case NOT_ASKED -> notAsked;
            };
        }

        /** "42 %" of the partner agencies, rounded to the nearest whole number; "—" when there are none. */
        public String percent(Filter filter) {
            return agencies == 0 ? "—" : Math.round(100.0 * count(filter) / agencies) + " %";
        }

        /** The address of the list behind a figure. */
        public String link(Filter filter) {
            StringBuilder link = new StringBuilder("/coverage/agencies");
            String separator = "?";
            if (stateCode != null) {
                link.append(separator).append("state=").append(stateCode);
                separator = "&";
            }
            if (filter != Filter.ALL) {
                link.append(separator).append("status=").append(filter.code());
            }
            return link.toString();
        }

        public List<Filter> filters() {
            return List.of(Filter.values());
        }

        static Coverage sum(List<Coverage> states) {
            return new Coverage(null, null, states.stream().mapToLong(Coverage::agencies).sum(),
                    states.stream().mapToLong(Coverage::obtained).sum(),
                    states.stream().mapToLong(Coverage::noAgreement).sum(),
                    states.stream().mapToLong(Coverage::withheld).sum(),
                    states.stream().mapToLong(Coverage::waiting).sum(),
                    states.stream().mapToLong(Coverage::notAsked).sum());
        }
    }

    /** The figures of every state with agencies and of the nation. */
    public record National(Coverage total, List<Coverage> states) {
    }

    private final EntityManager em;
    private final Today today;
    private final Deadlines deadlines;

    public AgencyStatusList(EntityManager em, Today today, Deadlines deadlines) {
        this.em = em;
        this.today = today;
        this.deadlines = deadlines;
    }

    /**
     * The city page in one query (the city, its state, its agencies with their statuses,
     * fortunes-style): it is the page people land on from search engines. Asked rows are then
     * reckoned in Java (see the class comment).
     */
    public Optional<CityPage> city(String stateCode, String citySlug) {
        Query query = em.createNativeQuery(CITY_SQL, Tuple.class).setParameter("state", stateCode)
                .setParameter("slug", citySlug);
        List<Tuple> tuples = rows(query);
        if (tuples.isEmpty()) {
            return Optional.empty();
        }
        Tuple first = tuples.get(0);
        return Optional.of(new CityPage(stateCode, (String) first.get("state_name"), (String) first.get("the_city"),
                (String) first.get("the_city_slug"),
                reckoned(tuples.stream().filter(t -> t.get("agency_id") != null).toList())));
    }

    /** A state's agencies with their statuses, by city A–Z (agencies with no city last), then name. */
    public List<Row> state(String stateCode) {
        return reckoned(rows(em.createNativeQuery("SELECT * FROM (" + AGENCIES_SQL
                + " WHERE ag.state_code = :state) x ORDER BY city_name NULLS LAST, name, agency_id", Tuple.class)
                .setParameter("state", stateCode)));
    }

    /** One agency's status row, for {@link AgreementStatuses#of}. */
    Optional<Row> agency(long agencyId) {
        return reckoned(rows(em.createNativeQuery(AGENCIES_SQL + " WHERE ag.id = :agency", Tuple.class)
                .setParameter("agency", agencyId))).stream().findFirst();
    }

    /**
     * The agencies behind a coverage figure, up to {@code limit}.
     *
     * @param stateCode one state, or null for the nation
     */
    public List<Row> listed(String stateCode, Filter filter, Sort sort, int limit) {
        return reckoned(rows(em.createNativeQuery("SELECT * FROM (" + AGENCIES_SQL + """
                 WHERE (CAST(:state AS text) IS NULL OR ag.state_code = CAST(:state AS bpchar))) x
                 WHERE""" + " " + filter.sql + " ORDER BY " + sort.sql + SqlLimit.rows(limit), Tuple.class)
                .setParameter("state", stateCode)));
    }

    /** The coverage of every state with agencies, counted in one query over all agencies, and their sum. */
    public National coverage() {
        List<Coverage> states = counts(null);
        return new National(Coverage.sum(states), states);
    }

    /** One state's coverage (all zero when it has no agencies). */
    public Coverage coverage(String stateCode, String stateName) {
        return counts(stateCode).stream().findFirst().orElse(new Coverage(stateCode, stateName, 0, 0, 0, 0, 0, 0));
    }

    /** Coverage per state, of one state or of all ({@code stateCode} null), in one query. */
    private List<Coverage> counts(String stateCode) {
        Query query = em.createNativeQuery("""
                SELECT x.state_code, st.name AS state_name, count(*) AS agencies,
                       count(*) FILTER (WHERE x.st_kind = 'obtained') AS obtained,
                       count(*) FILTER (WHERE x.st_kind = 'no_agreement') AS no_agreement,
                       count(*) FILTER (WHERE x.st_kind = 'withheld') AS withheld,
                       count(*) FILTER (WHERE x.st_kind = 'asked') AS waiting,
                       count(*) FILTER (WHERE x.st_kind = 'not_asked') AS not_asked
                  FROM (SELECT ag.state_code,""" + " " + KIND + " AS st_kind FROM agency ag " + JOINS + """
                         WHERE CAST(:state AS text) IS NULL OR ag.state_code = CAST(:state AS bpchar)) x
                  JOIN state st ON st.code = x.state_code
                 GROUP BY x.state_code, st.name
                 ORDER BY st.name
                """, Tuple.class).setParameter("state", stateCode);
        return rows(query).stream().map(t -> new Coverage(((String) t.get("state_code")).trim(),
                (String) t.get("state_name"), number(t, "agencies"), number(t, "obtained"),
                number(t, "no_agreement"), number(t, "withheld"), number(t, "waiting"), number(t, "not_asked")))
                .toList();
    }

    private List<Tuple> rows(Query query) {
        query.setParameter("today", today.date());
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows;
    }

    /** Rows from tuples, asked ones with their due date: law and holidays read once per state among them. */
    private List<Row> reckoned(List<Tuple> tuples) {
        Map<String, Function<List<DeadlineCalculator.StatusChange>, DeadlineCalculator.Reckoning>> byState =
                new HashMap<>();
        List<Row> rows = new ArrayList<>(tuples.size());
        for (Tuple t : tuples) {
            String stateCode = ((String) t.get("state_code")).trim();
            AgreementStatus.Kind kind = AgreementStatus.Kind.valueOf(
                    ((String) t.get("st_kind")).toUpperCase(Locale.ROOT));
            LocalDate due = null;
            long late = 0;
            if (kind == AgreementStatus.Kind.ASKED) {
                DeadlineCalculator.Reckoning reckoning = byState.computeIfAbsent(stateCode, deadlines::forState)
                        .apply(history((String) t.get("st_history")));
                due = reckoning.dueDate();
                late = reckoning.overdue() && due != null ? ChronoUnit.DAYS.between(due, today.date()) : 0;
            }
            Number agreement = (Number) t.get("st_agreement");
            Number request = (Number) t.get("st_request");
            Number agreements = (Number) t.get("st_agreements");
            AgencyStatus status = new AgencyStatus(kind, agreement == null ? null : agreement.longValue(),
                    (String) t.get("st_agreement_kind"), (String) t.get("st_agreement_title"),
                    date(t.get("st_signed_on"), (String) t.get("st_signed_precision")),
                    agreements == null ? 0 : agreements.intValue(), request == null ? null : request.longValue(),
                    (String) t.get("st_request_status"), due, late, (String) t.get("st_exemption"));
            rows.add(new Row(((Number) t.get("agency_id")).longValue(), stateCode, (String) t.get("slug"),
                    (String) t.get("name"), (String) t.get("kind"), (String) t.get("city_name"),
                    (String) t.get("city_slug"), t.get("population") == null ? null
                            : ((Number) t.get("population")).intValue(),
                    date(t.get("portal_on"), (String) t.get("portal_precision")), (String) t.get("source_title"),
                    (String) t.get("source_url"), status));
        }
        return rows;
    }

    /** "2027-05-03 filed,2027-05-10 acknowledged" → status changes. */
    private static List<DeadlineCalculator.StatusChange> history(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(change -> change.split(" ", 2))
                .map(parts -> new DeadlineCalculator.StatusChange(LocalDate.parse(parts[0]),
                        RequestStatus.fromCode(parts[1]).orElseThrow()))
                .toList();
    }

    private static PartialDate date(Object value, String precision) {
        if (value == null) {
            return null;
        }
        return new PartialDate(value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value, precision);
    }

    private static long number(Tuple t, String column) {
        return ((Number) t.get(column)).longValue();
    }
}
