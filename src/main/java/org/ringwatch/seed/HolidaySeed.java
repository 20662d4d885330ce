package org.ringwatch.seed;

import org.ringwatch.seed.CsvReader.CsvRecord;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Legal holidays as rules (holidays/holiday_rules.csv): the federal set under 'US', which is
 * the floor of every calendar, plus state holidays where a statute can be cited.
 */
final class HolidaySeed implements SeedTable {

    static final String FILE = "holidays/holiday_rules.csv";
    private static final Set<String> KINDS = Set.of("fixed_date", "nth_weekday", "last_weekday");
    private static final Set<String> OBSERVED = Set.of("none", "federal", "sunday_to_monday");

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public RowWriter open(Connection connection) {
        return row -> {
            String state = row.required("state");
            if (Sql.queryId(connection, "SELECT 1 FROM state WHERE code = ?", state).isEmpty()) {
                throw row.fail("state '" + state + "' is not in " + RecordsLawSeed.FILE);
            }
            String kind = oneOf(row, "kind", KINDS);
            Integer dayOfMonth = number(row, "day_of_month", 1, 31);
            Integer dayOfWeek = number(row, "day_of_week", 1, 7);
            Integer nth = number(row, "nth", 1, 5);
            boolean fits = switch (kind) {
                case "fixed_date" -> dayOfMonth != null && dayOfWeek == null && nth == null;
                case "nth_weekday" -> dayOfMonth == null && dayOfWeek != null && nth != null;
                default -> dayOfMonth == null && dayOfWeek != null && nth == null;
            };
            if (!fits) {
                throw row.fail("a " + kind + " rule needs "
                        + (kind.equals("fixed_date") ? "day_of_month only"
                        : kind.equals("nth_weekday") ? "day_of_week and nth only" : "day_of_week only"));
            }
            Sql.update(connection, """
                    INSERT INTO holiday_rule (state_code, name, kind, month, day_of_month, day_of_week, nth,
                                              observed, first_year, last_year, citation)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (state_code, name) DO UPDATE SET
                        kind = EXCLUDED.kind, month = EXCLUDED.month, day_of_month = EXCLUDED.day_of_month,
                        day_of_week = EXCLUDED.day_of_week, nth = EXCLUDED.nth, observed = EXCLUDED.observed,
                        first_year = EXCLUDED.first_year, last_year = EXCLUDED.last_year,
                        citation = EXCLUDED.citation
                    WHERE (holiday_rule.kind, holiday_rule.month, holiday_rule.day_of_month, holiday_rule.day_of_week,
                           holiday_rule.nth, holiday_rule.observed, holiday_rule.first_year, holiday_rule.last_year,
                           holiday_rule.citation)
                          IS DISTINCT FROM
                          (EXCLUDED.kind, EXCLUDED.month, EXCLUDED.day_of_month, EXCLUDED.day_of_week,
                           EXCLUDED.nth, EXCLUDED.observed, EXCLUDED.first_year, EXCLUDED.last_year,
                           EXCLUDED.citation)
                    """,
                    state, row.required("name"), kind, number(row, "month", 1, 12), dayOfMonth, dayOfWeek, nth,
                    oneOf(row, "observed", OBSERVED), number(row, "first_year", 1800, 2200),
                    number(row, "last_year", 1800, 2200), row.required("citation"));
        };
    }

    private static String oneOf(CsvRecord row, String column, Set<String> allowed) {
        String value = row.required(column);
        if (!allowed.contains(value)) {
            throw row.fail(column + " '" + value + "' is not one of " + allowed);
        }
        return value;
    }

    private static Integer number(CsvRecord row, String column, int min, int max) {
        String value = row.optional(column);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw row.fail(column + " " + number + " is outside " + min + "–" + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw row.fail(column + " '" + value + "' is not a whole number");
        }
    }
}
