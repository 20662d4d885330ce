package org.ringwatch.seed;

import org.junit.jupiter.api.Test;
import org.ringwatch.agency.Boundaries;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed county-match report is what the seed does today: recomputed from the seed CSV
 * and the boundary file, it must equal db/seed/geo/county-match.txt. After changing either, run
 * {@code ./mvnw test -Dtest=CountyMatchTest -Dringwatch.county-report=write} and review the diff.
 */
class CountyMatchTest {

    private static final Path REPORT = Path.of("db/seed/geo/county-match.txt");
    private static final Path CSV = Path.of("db/seed", PartnershipSeed.FILE);

    @Test
    void shouldMatchTheCommittedCountyReport() throws IOException {
        List<CsvReader.CsvRecord> rows = CsvReader.read(PartnershipSeed.FILE, Files.readString(CSV));
        String report = CountyMatch.report(PartnershipSeed.FILE, rows, new CountyMatch(Boundaries.us()));
        if ("write".equals(System.getProperty("ringwatch.county-report"))) {
            Files.writeString(REPORT, report, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(REPORT), report,
                "the county match changed: rerun with -Dringwatch.county-report=write and review the diff");
    }

    /** Every county of the seed has its FIPS code but one, whose row puts a New Jersey town in New Hampshire. */
    @Test
    void shouldMatchEveryCountyOfTheSeedButOneTheSourceGotWrong() throws IOException {
        List<CsvReader.CsvRecord> rows = CsvReader.read(PartnershipSeed.FILE, Files.readString(CSV));
        CountyMatch match = new CountyMatch(Boundaries.us());
        List<String> unmatched = rows.stream().flatMap(row -> match.resolve(row).stream())
                .filter(r -> !r.matched()).map(r -> "line " + r.row().line() + ": " + r.why()).toList();
        assertEquals(List.of("line 695: no county of NH is called 'Monmouth County'; NJ has one: the row's state or"
                + " county is wrong in the source, and an agency of one state is not linked to another's county"),
                unmatched);
    }

    @Test
    void shouldFoldKindsSaintsAndAccents() {
        CountyMatch match = new CountyMatch(Boundaries.us());
        Map<String, String> expected = Map.of(
                "LA|St. Tammany Parish", "22103",
                "LA|Saint Tammany Parish", "22103",
                "NM|Doña Ana County", "35013",
                "NM|Dona Ana County", "35013",
                "VA|Richmond city", "51760",
                "VA|Richmond County", "51159",
                "AK|Valdez-Cordova Borough", "02261",
                "NV|Carson City", "32510",
                "VA|James City County", "51095",
                "WI|\u200eMilwaukee County\u200e", "55079");
        Map<String, String> found = expected.keySet().stream().collect(Collectors.toMap(k -> k, k -> {
            String[] parts = k.split("\\|");
            CountyMatch.Result r = match.resolve(record(parts[0], parts[1], "Somewhere")).get(0);
            return r.matched() ? r.county().fips() : r.why();
        }));
        assertEquals(expected, found);
    }

    /** One seed row of a test agency with this county column. */
    private static CsvReader.CsvRecord record(String state, String county, String city) {
        byte[] csv = new PartnershipRows().agency("Test " + PartnershipRows.unique() + " Police Department", city,
                county, state, "2019-05-01", "day").bytes();
        return CsvReader.read(PartnershipSeed.FILE, new String(csv, StandardCharsets.UTF_8)).get(0);
    }

    @Test
    void shouldLeaveAnAmbiguousOrUnknownNameUnmatchedWithWhy() {
        CountyMatch match = new CountyMatch(Boundaries.us());
        CountyMatch.Result ambiguous = match.resolve(record("VA", "Richmond", "Somewhere")).get(0);
        assertFalse(ambiguous.matched());
        assertEquals("'Richmond' could be 51159 Richmond County or 51760 Richmond city", ambiguous.why());
        CountyMatch.Result unknown = match.resolve(record("OR", "Test County", "Testville")).get(0);
        assertFalse(unknown.matched());
        assertTrue(unknown.why().contains("no county of OR is called 'Test County'"), unknown.why());
    }
}
