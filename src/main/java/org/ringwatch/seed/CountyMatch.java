package org.ringwatch.seed;

import org.ringwatch.agency.Boundaries;
import org.ringwatch.agency.Boundaries.CountyShape;
import org.ringwatch.platform.Names;
import org.ringwatch.seed.CsvReader.CsvRecord;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the county column of the partnership seed to the boundary file's county FIPS codes,
 * once, when the seed loads: by state and a folded name ("St. Tammany Parish" and "Saint Tammany"
 * fold alike; "Doña Ana" and "Dona Ana" too), with the kind ("County", "Parish", "Borough", "city"…)
 * only used to tell a county from the independent city of the same name (Richmond, VA). Where the
 * column is empty, a city column naming an independent city is that county equivalent. Rows the
 * source got wrong (a misspelling, "#N/A", a county of another state) are resolved by
 * {@code geo/county-overrides.csv}, which replaces their county column, each with its reason. Nothing is
 * guessed: a name that matches no county, or two, stays unmatched and is reported
 * ({@code db/seed/geo/county-match.txt}, checked by {@code CountyMatchTest}).
 */
final class CountyMatch {

    static final String OVERRIDES = "geo/county-overrides.csv";

    /** Kinds of county a name may end with, longest first so "City and Borough" wins over "Borough". */
    private static final List<String> KINDS = List.of("city and borough", "census area", "municipality", "borough",
            "parish", "county", "city");
    private static final Pattern CITY_MARK = Pattern.compile("(.+?)\\s*\\(city\\)(?:\\s+County)?");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    /** The source's way of saying it does not know. */
    private static final String NOT_KNOWN = "#N/A";

    /** How a county was found, for the report. */
    enum How {
        NAME, CITY_MARK, CITY_COLUMN, OVERRIDE
    }

    /** One county of one row: found (with its FIPS) or not (with why). */
    record Result(CsvRecord row, String written, CountyShape county, How how, String why) {

        boolean matched() {
            return county != null;
        }
    }

    private record Override(String agency, String state, String fips, String why) {
    }

    private final Boundaries boundaries;
    /** state → folded name → counties with that name (a county and an independent city can share one). */
    private final Map<String, Map<String, List<CountyShape>>> byName = new HashMap<>();
    private final Map<String, Override> overrides;

    CountyMatch(Boundaries boundaries) {
        this.boundaries = boundaries;
        for (CountyShape county : boundaries.counties()) {
            byName.computeIfAbsent(county.stateCode(), s -> new HashMap<>())
                    .computeIfAbsent(fold(county.name()), n -> new ArrayList<>()).add(county);
        }
        this.overrides = readOverrides(boundaries);
    }

    /** The counties of one seed row, one result per name in its county column (or one from the city or an override). */
    List<Result> resolve(CsvRecord row) {
        String state = row.get("state");
        String column = row.get("county");
        List<String> names = new ArrayList<>();
        for (String part : column.split(",")) {
            String name = Names.clean(part);
            if (!name.isEmpty() && !name.equals(NOT_KNOWN)) {
                names.add(name);
            }
        }
        Override override = overrides.get(row.get("aos_number"));
        if (override != null && override.state().equals(state) && override.agency().equals(Names.clean(row.get("agency")))) {
            return List.of(new Result(row, column, boundaries.county(override.fips()).orElseThrow(), How.OVERRIDE,
                    override.why()));
        }
        if (!names.isEmpty()) {
            return names.stream().map(name -> byName(row, state, name)).toList();
        }
        String city = Names.clean(row.get("city"));
        List<CountyShape> cities = candidates(state, fold(city)).stream().filter(CountyShape::independentCity).toList();
        if (cities.size() == 1) {
            return List.of(new Result(row, column, cities.get(0), How.CITY_COLUMN,
                    "the county column is empty; the city, " + city + ", is an independent city"));
        }
        String why = column.isBlank() ? "the county column is empty" : "the county column is '" + column + "'";
        return List.of(new Result(row, column, null, null, why + " and the city, " + city
                + ", is no independent city; no override in " + OVERRIDES));
    }

    private Result byName(CsvRecord row, String state, String name) {
        String folded = fold(name);
        String kind = null;
        Matcher marked = CITY_MARK.matcher(name);
        if (marked.matches()) {
            // The Atlas writes independent cities as "Norfolk (city) County".
            kind = "city";
            folded = fold(marked.group(1));
        }
        for (String k : kind != null ? List.<String>of() : KINDS) {
            String suffix = NOT_ALNUM.matcher(k).replaceAll("");
            if (folded.endsWith(suffix) && folded.length() > suffix.length()) {
                kind = k;
                folded = folded.substring(0, folded.length() - suffix.length());
                break;
            }
        }
        List<CountyShape> found = candidates(state, folded);
        if (found.size() > 1 && kind != null) {
            boolean city = kind.equals("city");
            found = found.stream().filter(c -> c.independentCity() == city).toList();
        }
        if (found.isEmpty() && kind != null) {
            // "Carson City", "James City County": the kind word can be part of the name itself.
            found = candidates(state, fold(name));
        }
        if (found.size() == 1) {
            return marked.matches()
                    ? new Result(row, name, found.get(0), How.CITY_MARK, "the source marks an independent city with '(city)'")
                    : new Result(row, name, found.get(0), How.NAME, null);
        }
        if (found.isEmpty()) {
            String key = folded;
            List<String> elsewhere = byName.entrySet().stream()
                    .filter(e -> e.getValue().containsKey(key)).map(Map.Entry::getKey).sorted().toList();
            return new Result(row, name, null, null, "no county of " + state + " is called '" + name + "'"
                    + (elsewhere.isEmpty() ? "" : "; " + String.join(", ", elsewhere) + " has one: the row's state or"
                    + " county is wrong in the source, and an agency of one state is not linked to another's county"));
        }
        return new Result(row, name, null, null, "'" + name + "' could be "
                + String.join(" or ", found.stream().map(c -> c.fips() + " " + c.label()).toList()));
    }

    /**
     * The report of db/seed/geo/county-match.txt: the totals, then every row whose county was not
     * found by its own name (through the city column, an override, or not at all) with why.
     */
    static String report(String file, List<CsvRecord> rows, CountyMatch match) {
        List<Result> results = rows.stream().flatMap(row -> match.resolve(row).stream()).toList();
        StringBuilder out = new StringBuilder();
        out.append("# Counties of db/seed/").append(file).append('\n')
                .append("# matched to the FIPS codes of src/main/resources/").append("geo/us-albers.json")
                .append(" by org.ringwatch.seed.CountyMatch.\n")
                .append("# Written by CountyMatchTest; after a change, run it with -Dringwatch.county-report=write.\n\n");
        long byName = results.stream().filter(r -> r.how() == How.NAME).count();
        long byMark = results.stream().filter(r -> r.how() == How.CITY_MARK).count();
        long byCity = results.stream().filter(r -> r.how() == How.CITY_COLUMN).count();
        long byOverride = results.stream().filter(r -> r.how() == How.OVERRIDE).count();
        List<Result> unmatched = results.stream().filter(r -> !r.matched()).toList();
        out.append("rows: ").append(rows.size()).append('\n')
                .append("counties named or found: ").append(results.size()).append('\n')
                .append("matched by name: ").append(byName).append('\n')
                .append("matched by name marked '(city)' (an independent city): ").append(byMark).append('\n')
                .append("matched through the city column (an independent city): ").append(byCity).append('\n')
                .append("matched by ").append(OVERRIDES).append(": ").append(byOverride).append('\n')
                .append("unmatched: ").append(unmatched.size()).append('\n');
        section(out, "Marked '(city)'", results.stream().filter(r -> r.how() == How.CITY_MARK).toList());
        section(out, "Through the city column", results.stream().filter(r -> r.how() == How.CITY_COLUMN).toList());
        section(out, "By override", results.stream().filter(r -> r.how() == How.OVERRIDE).toList());
        section(out, "Unmatched", unmatched);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<Result> results) {
        out.append('\n').append(title).append(':').append(results.isEmpty() ? " none\n" : "\n");
        for (Result r : results) {
            CsvRecord row = r.row();
            out.append("  line ").append(row.line()).append(' ').append(row.get("aos_number")).append(' ')
                    .append(Names.clean(row.get("agency"))).append(", ").append(row.get("state"));
            if (r.matched()) {
                out.append(" -> ").append(r.county().fips()).append(' ').append(r.county().label());
            }
            out.append(": ").append(r.why()).append('\n');
        }
    }

    private List<CountyShape> candidates(String state, String folded) {
        return byName.getOrDefault(state, Map.of()).getOrDefault(folded, List.of());
    }

    /** Lower case, no accents, "saint" as "st", letters and digits only: "St. Mary's" → "stmarys". */
    static String fold(String name) {
        String ascii = MARKS.matcher(Normalizer.normalize(Names.clean(name), Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        ascii = ascii.replaceAll("\\bsaint\\b", "st").replaceAll("\\bsainte\\b", "ste");
        return NOT_ALNUM.matcher(ascii).replaceAll("");
    }

    private static Map<String, Override> readOverrides(Boundaries boundaries) {
        String text = new String(SeedLoader.classpathFile(OVERRIDES), StandardCharsets.UTF_8);
        Map<String, Override> result = new HashMap<>();
        for (CsvRecord row : CsvReader.read(OVERRIDES, text)) {
            String fips = row.required("county_fips");
            if (boundaries.county(fips).isEmpty()) {
                throw row.fail("county_fips '" + fips + "' is not a county of " + "geo/us-albers.json");
            }
            result.put(row.required("aos_number"), new Override(Names.clean(row.required("agency")),
                    row.required("state"), fips, row.required("why")));
        }
        return result;
    }
}
