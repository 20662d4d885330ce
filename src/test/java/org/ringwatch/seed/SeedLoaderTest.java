package org.ringwatch.seed;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ringwatch.platform.EmbeddedPostgresResource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SeedLoaderTest {

    @Inject
    SeedLoader loader;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldHaveLoadedEveryJurisdictionAndEveryAtlasRowAtStartUp() throws SQLException {
        assertEquals(52, count("SELECT count(*) FROM state"));
        assertEquals(52, count("SELECT count(*) FROM records_law"));
        assertEquals(51, count("SELECT count(*) FROM state WHERE kind <> 'federal'"));
        assertEquals(1501, count("SELECT count(*) FROM partnership_fact WHERE source_record LIKE 'AOS%'"));
        assertEquals(1498, count("SELECT count(DISTINCT agency_id) FROM partnership_fact WHERE source_record LIKE 'AOS%'"),
                "three agencies appear twice in the Atlas with another date: a second fact, not a second agency");
        assertEquals(1331, count("SELECT count(*) FROM partnership_fact WHERE source_record LIKE 'AOS%' AND precision = 'day'"));
        assertEquals(170, count("SELECT count(*) FROM partnership_fact WHERE source_record LIKE 'AOS%' AND precision = 'month'"));
        assertEquals(0, count("SELECT count(*) FROM partnership_fact f JOIN source s ON s.id = f.source_id"
                + " WHERE f.source_record LIKE 'AOS%' AND s.licence NOT LIKE '%CC BY 4.0%'"), "every fact carries the Atlas licence");
        assertEquals(11, count("SELECT count(*) FROM holiday_rule WHERE state_code = 'US'"));
    }

    @Test
    void shouldKeepNoDeadlineAsNullNeverZero() throws SQLException {
        assertEquals(0, count("SELECT count(*) FROM records_law WHERE first_deadline_days = 0 OR second_deadline_days = 0"));
        assertEquals(1, count("SELECT count(*) FROM records_law WHERE state_code = 'AZ' AND first_deadline_days IS NULL"
                + " AND second_deadline_days IS NULL"));
        assertEquals(1, count("SELECT count(*) FROM records_law WHERE state_code = 'NY' AND first_deadline_days = 5"
                + " AND first_deadline_day_type = 'business'"));
        assertEquals(1, count("SELECT count(*) FROM records_law WHERE state_code = 'CA' AND first_deadline_days = 10"
                + " AND first_deadline_day_type = 'calendar'"));
        assertEquals(1, count("SELECT count(*) FROM records_law WHERE state_code = 'KY'"
                + " AND requester_restriction LIKE '%residents%'"));
        assertEquals(1, count("SELECT count(*) FROM records_law WHERE state_code = 'US' AND requester_restriction IS NULL"));
    }

    @Test
    void shouldChangeNothingWhenTheSeedIsLoadedAgain() throws SQLException {
        loader.loadAll(false);   // other tests load rows of their own under the same file names
        Map<String, Long> before = tableCounts();
        List<SeedLoader.Result> skipped = loader.loadAll(false);
        assertTrue(skipped.stream().allMatch(SeedLoader.Result::skipped), "unchanged files are skipped by checksum");

        List<SeedLoader.Result> forced = loader.loadAll(true);
        assertTrue(forced.stream().noneMatch(SeedLoader.Result::skipped));
        assertEquals(before, tableCounts(), "a forced reload inserts nothing new");
        assertEquals(0, count("SELECT count(*) FROM agency WHERE updated_at > created_at + interval '1 second'"
                + " AND name NOT LIKE 'Test %'"), "and updates nothing that did not change");
    }

    @Test
    void shouldApplyNothingOfAFileWithABadRowAndNameItsLine() throws SQLException {
        String first = "Test Good One " + PartnershipRows.unique() + " Police Department";
        String second = "Test Good Two " + PartnershipRows.unique() + " Police Department";
        byte[] file = new PartnershipRows()
                .agency(first, "Testville", "Test County", "OR", "2019-05-01", "day")
                .agency(second, "Testville", "Test County", "OR", "2019-06", "month")
                .agency("Test Bad " + PartnershipRows.unique(), "Nowhere", "", "ZZ", "2019-06-01", "day")
                .bytes();
        Map<String, Long> before = tableCounts();

        SeedException e = assertThrows(SeedException.class, () -> loader.load(PartnershipRows.FILE, file, false));

        assertEquals(PartnershipRows.FILE + " line 4: state 'ZZ' is not in records-law/response-deadlines.csv",
                e.getMessage());
        assertEquals(before, tableCounts(), "the two good rows before it were rolled back too");
        assertEquals(0, count("SELECT count(*) FROM agency WHERE name IN ('" + first + "', '" + second + "')"));
    }

    @Test
    void shouldRefuseBadDatesPrecisionsAndKindsWithTheReason() {
        assertBadRow(new PartnershipRows().agency("Test " + PartnershipRows.unique(), "A", "", "OR", "2019-13-01", "day"),
                "line 2: ring_active_date '2019-13-01' is not a day (YYYY-MM-DD, YYYY-MM or YYYY)");
        assertBadRow(new PartnershipRows().agency("Test " + PartnershipRows.unique(), "A", "", "OR", "2019-05-01", "month"),
                "line 2: ring_active_date '2019-05-01' is not a month (YYYY-MM-DD, YYYY-MM or YYYY)");
        assertBadRow(new PartnershipRows().agency("Test " + PartnershipRows.unique(), "A", "", "OR", "2019-05-01", "week"),
                "line 2: ring_active_date_precision 'week' is not day, month or year");
        assertBadRow(new PartnershipRows().raw("T1", "Test " + PartnershipRows.unique(), "Police", "Galactic", "A", "",
                "OR", "2019-05-01", "day", "ring_active_agency_map"),
                "line 2: jurisdiction_type 'Galactic' is not Municipal, County, Parish, Regional or State");
        assertBadRow(new PartnershipRows().raw("T1", "", "Police", "Municipal", "A", "", "OR", "2019-05-01", "day",
                "ring_active_agency_map"), "line 2: agency is empty");
        assertBadRow(new PartnershipRows().line("T1,only,three"),
                "line 2: expected 17 fields as in the header, found 3");
    }

    @Test
    void shouldRefuseAFileThatIsNotUtf8() {
        byte[] latin1 = "aos_number\nCa\u00f1on\n".getBytes(StandardCharsets.ISO_8859_1);
        SeedException e = assertThrows(SeedException.class, () -> loader.load(PartnershipRows.FILE, latin1, false));
        assertEquals(PartnershipRows.FILE + " line 1: the file is not valid UTF-8", e.getMessage());
    }

    @Test
    void shouldRefuseARecordsLawRowWithDaysButNoDayType() {
        String header = "code,jurisdiction,law,citation,initial_deadline,day_type,what_is_due,extension,"
                + "administrative_appeal_or_review,judicial_review,requester_restriction,confidence,notes\n";
        byte[] file = (header + "ZY,Zedland,Open Records Act,Z.C. § 1,5,n/a,respond,,,,none,H,\n")
                .getBytes(StandardCharsets.UTF_8);
        SeedException e = assertThrows(SeedException.class, () -> loader.load("records-law/response-deadlines.csv", file, true));
        assertThat(e.getMessage(), containsString("line 2: initial_deadline gives 5 days but day_type 'n/a'"));
    }

    @Test
    void shouldKeepTwoAgenciesOfOneNameInTwoStatesApart() throws SQLException {
        assertEquals(2, count("SELECT count(*) FROM agency WHERE name = 'Aurora Police Department'"
                + " AND state_code IN ('CO', 'IL')"));
        String name = "Test Twin " + PartnershipRows.unique() + " Police Department";
        loader.load(PartnershipRows.FILE, new PartnershipRows()
                .agency(name, "Springfield", "Sangamon County", "IL", "2019-01-02", "day")
                .agency(name, "Springfield", "Greene County", "MO", "2019-03-04", "day")
                .agency(name, "Springfield", "Sangamon County", "IL", "2020-01-02", "day")
                .bytes(), false);
        assertEquals(2, count("SELECT count(*) FROM agency WHERE name = '" + name + "'"));
        assertEquals(2, count("SELECT count(*) FROM partnership_fact f JOIN agency a ON a.id = f.agency_id"
                + " WHERE a.name = '" + name + "' AND a.state_code = 'IL'"), "a repeated agency row is a second fact");
    }

    @Test
    void shouldResolveNfcAndNfdSpellingsOfACityToOneCity() throws SQLException {
        String nfc = "Ca\u00f1on Test " + PartnershipRows.unique();
        String nfd = nfc.replace("\u00f1", "n\u0303");
        loader.load(PartnershipRows.FILE, new PartnershipRows()
                .agency("Test NFC " + PartnershipRows.unique() + " Police Department", nfc, "Fremont County", "CO",
                        "2019-01-02", "day")
                .agency("Test NFD " + PartnershipRows.unique() + " Police Department", nfd, "\u200eFremont County\u200e",
                        "CO", "2019-01-03", "day")
                .bytes(), false);
        assertEquals(1, count("SELECT count(*) FROM jurisdiction WHERE state_code = 'CO' AND kind = 'city'"
                + " AND name = '" + nfc + "'"));
        assertEquals(0, count("SELECT count(*) FROM jurisdiction WHERE name = '" + nfd + "'"), "stored NFC only");
        assertEquals(2, count("SELECT count(*) FROM agency a JOIN jurisdiction c ON c.id = a.city_id"
                + " WHERE c.name = '" + nfc + "'"));
        assertEquals(1, count("SELECT count(*) FROM jurisdiction WHERE state_code = 'CO' AND kind = 'county'"
                + " AND name = 'Fremont County'"), "invisible marks around a county name are dropped");
    }

    @Test
    void shouldRefuseAFileItDoesNotKnow() {
        SeedException e = assertThrows(SeedException.class, () -> loader.load("other.csv", new byte[0], false));
        assertEquals("other.csv line 1: not a seed file RingWatch knows", e.getMessage());
    }

    private void assertBadRow(PartnershipRows rows, String expected) {
        SeedException e = assertThrows(SeedException.class, () -> loader.load(PartnershipRows.FILE, rows.bytes(), false));
        assertEquals(PartnershipRows.FILE + " " + expected, e.getMessage());
    }

    private Map<String, Long> tableCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("state", "records_law", "holiday_rule", "source", "jurisdiction", "agency",
                "agency_county", "partnership_fact", "agency_link")) {
            counts.put(table, count("SELECT count(*) FROM " + table));
        }
        return counts;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
