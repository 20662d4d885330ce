package org.ringwatch.seed;

import org.jboss.logging.Logger;
import org.ringwatch.agency.Boundaries;
import org.ringwatch.platform.Names;
import org.ringwatch.seed.CsvReader.CsvRecord;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 1,501 Ring partnerships of the Atlas of Surveillance snapshot of 2020-10-07
 * (ring/ring_partnerships_2020-10-07_normalized.csv) as cities, counties, agencies and dated
 * facts, each fact citing its source with the Atlas's CC BY 4.0 attribution.
 *
 * <p>An agency is keyed on state and name. A row that repeats an agency with another date adds a
 * fact to the agency it already made. Its counties carry the boundary file's FIPS code in
 * {@code jurisdiction.geoid}, resolved here by {@link CountyMatch} and never at run time.
 */
final class PartnershipSeed implements SeedTable {

    private static final Logger LOG = Logger.getLogger(PartnershipSeed.class);

    static final String FILE = "ring/ring_partnerships_2020-10-07_normalized.csv";

    static final String ATLAS_URL = "https://atlasofsurveillance.org";
    static final String ATLAS_PUBLISHER =
            "Atlas of Surveillance, Electronic Frontier Foundation & UNR Reynolds School of Journalism";
    static final String ATLAS_LICENCE = "CC BY 4.0";
    static final String ATLAS_SNAPSHOT = "2020-10-07";

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public RowWriter open(Connection connection) throws SQLException {
        Places places = new Places(connection);
        CountyMatch counties = new CountyMatch(Boundaries.us());
        long summarySource = Sql.source(connection, ATLAS_URL,
                "Atlas of Surveillance: Ring/Neighbors partnerships (summary text)",
                ATLAS_PUBLISHER, ATLAS_LICENCE, ATLAS_SNAPSHOT);
        Map<String, Long> mapSources = new HashMap<>();
        return row -> {
            String state = row.required("state");
            if (!places.stateExists(state)) {
                throw row.fail("state '" + state + "' is not in " + RecordsLawSeed.FILE);
            }
            String name = Names.clean(row.required("agency"));
            String level = level(row);
            long city = places.jurisdiction(state, "city", Names.clean(row.required("city")));
            long agency = agency(connection, row, state, name, level, city);
            for (CountyMatch.Result county : counties.resolve(row)) {
                if (!county.matched() && county.written().isBlank()) {
                    LOG.warnf("%s line %d: no county (%s)", FILE, row.line(), county.why());
                    continue;
                }
                if (!county.matched()) {
                    LOG.warnf("%s line %d: county without a FIPS code (%s)", FILE, row.line(), county.why());
                }
                Sql.update(connection, "INSERT INTO agency_county VALUES (?, ?) ON CONFLICT DO NOTHING",
                        agency, places.county(state, county));
            }

            String precision = row.required("ring_active_date_precision");
            LocalDate activeOn = date(row, "ring_active_date", precision);
            long source = switch (row.required("active_date_source")) {
                case "ring_active_agency_map" -> mapSources.computeIfAbsent(row.required("source_map_url"),
                        url -> ringMapSource(connection, url));
                case "atlas_summary_text" -> summarySource;
                default -> throw row.fail("active_date_source '" + row.get("active_date_source")
                        + "' is neither ring_active_agency_map nor atlas_summary_text");
            };
            Sql.update(connection, """
                    INSERT INTO partnership_fact (agency_id, kind, occurred_on, precision, source_id, source_record, statement)
                    VALUES (?, 'portal_active', ?, ?, ?, ?, ?)
                    ON CONFLICT (agency_id, kind, occurred_on, source_id, source_record) DO NOTHING
                    """, agency, activeOn, precision, source, row.required("aos_number"), row.optional("atlas_summary"));

            link(connection, row, agency, "records_link", "records_link_source", "records_link_date", summarySource);
            link(connection, row, agency, "extra_link", "extra_link_source", null, summarySource);
        };
    }

    private static long agency(Connection connection, CsvRecord row, String state, String name, String level,
            long city) throws SQLException {
        String kindAsWritten = row.required("agency_type");
        String kind = switch (kindAsWritten) {
            case "Police" -> "police";
            case "Sheriff" -> "sheriff";
            default -> "other";
        };
        Optional<Long> existing = Sql.queryId(connection,
                "SELECT id FROM agency WHERE state_code = ? AND name = ?", state, name);
        if (existing.isPresent()) {
            Sql.update(connection, """
                    UPDATE agency SET kind = ?, kind_as_written = ?, jurisdiction_level = ?, city_id = ?, updated_at = now()
                     WHERE id = ? AND (kind, kind_as_written, jurisdiction_level, city_id) IS DISTINCT FROM (?, ?, ?, ?)
                    """, kind, kindAsWritten, level, city, existing.get(), kind, kindAsWritten, level, city);
            return existing.get();
        }
        String slug = Names.slug(name);
        if (slug.isEmpty()) {
            throw row.fail("agency '" + name + "' has no letters or digits to make an address from");
        }
        String unique = Sql.freeSlug(connection, "agency", state, slug);
        return Sql.queryId(connection, """
                INSERT INTO agency (state_code, name, slug, kind, kind_as_written, jurisdiction_level, city_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, state, name, unique, kind, kindAsWritten, level, city).orElseThrow();
    }

    private static String level(CsvRecord row) {
        String level = row.required("jurisdiction_type").toLowerCase(Locale.ROOT);
        if (!List.of("municipal", "county", "parish", "regional", "state").contains(level)) {
            throw row.fail("jurisdiction_type '" + row.get("jurisdiction_type")
                    + "' is not Municipal, County, Parish, Regional or State");
        }
        return level;
    }

    /** A month-precise date is stored as the month's first day, as the schema requires. */
    private static LocalDate date(CsvRecord row, String column, String precision) {
        String value = row.required(column);
        try {
            return switch (precision) {
                case "day" -> LocalDate.parse(value);
                case "month" -> YearMonth.parse(value).atDay(1);
                case "year" -> LocalDate.of(Integer.parseInt(value), 1, 1);
                default -> throw row.fail(column + "_precision '" + precision + "' is not day, month or year");
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw row.fail(column + " '" + value + "' is not a " + precision + " (YYYY-MM-DD, YYYY-MM or YYYY)");
        }
    }

    private static void link(Connection connection, CsvRecord row, long agency, String urlColumn,
            String publisherColumn, String dateColumn, long source) throws SQLException {
        String url = row.optional(urlColumn);
        if (url == null) {
            return;
        }
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw row.fail(urlColumn + " '" + url + "' is not an http(s) address");
        }
        LocalDate dated = dateColumn == null || row.optional(dateColumn) == null ? null
                : date(row, dateColumn, "day");
        Sql.update(connection, """
                INSERT INTO agency_link (agency_id, url, publisher, dated, source_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (agency_id, url) DO NOTHING
                """, agency, url, row.optional(publisherColumn), dated, source);
    }

    private static long ringMapSource(Connection connection, String url) {
        try {
            return Sql.source(connection, url,
                    "Ring Active Agency Map, as recorded in the Atlas of Surveillance",
                    "Ring (map, published without a licence); " + ATLAS_PUBLISHER + " (record)",
                    ATLAS_LICENCE + " for the Atlas record", ATLAS_SNAPSHOT);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cities and counties by state and NFC name, remembered for the length of one load. */
    private static final class Places {
        private final Connection connection;
        private final Map<String, Long> ids = new HashMap<>();
        private final Map<String, Boolean> states = new HashMap<>();

        Places(Connection connection) {
            this.connection = connection;
        }

        boolean stateExists(String code) throws SQLException {
            Boolean known = states.get(code);
            if (known == null) {
                known = Sql.queryId(connection, "SELECT 1 FROM state WHERE code = ? AND kind <> 'federal'", code)
                        .isPresent();
                states.put(code, known);
            }
            return known;
        }

        /**
         * The county of a match: the one with its FIPS code if the state has it already (two
         * spellings of one county make one county), else by name, given the code it lacked; a
         * name without a match is kept as written, without a code.
         */
        long county(String state, CountyMatch.Result match) throws SQLException {
            if (!match.matched()) {
                return jurisdiction(state, "county", Names.clean(match.written()));
            }
            String fips = match.county().fips();
            Optional<Long> coded = Sql.queryId(connection,
                    "SELECT id FROM jurisdiction WHERE state_code = ? AND kind = 'county' AND geoid = ?", state, fips);
            if (coded.isPresent()) {
                return coded.get();
            }
            String name = match.how() == CountyMatch.How.NAME ? Names.clean(match.written()) : match.county().label();
            long id = jurisdiction(state, "county", name);
            Sql.update(connection, "UPDATE jurisdiction SET geoid = ? WHERE id = ? AND geoid IS DISTINCT FROM ?",
                    fips, id, fips);
            return id;
        }

        long jurisdiction(String state, String kind, String name) throws SQLException {
            String key = state + "|" + kind + "|" + name;
            Long id = ids.get(key);
            if (id == null) {
                id = Sql.queryId(connection,
                        "SELECT id FROM jurisdiction WHERE state_code = ? AND kind = ? AND name = ?", state, kind, name)
                        .orElse(null);
            }
            if (id == null) {
                String unique = Sql.freeSlug(connection, "jurisdiction", state, Names.slug(name));
                id = Sql.queryId(connection,
                        "INSERT INTO jurisdiction (state_code, kind, name, slug) VALUES (?, ?, ?, ?) RETURNING id",
                        state, kind, name, unique).orElseThrow();
            }
            ids.put(key, id);
            return id;
        }
    }
}
