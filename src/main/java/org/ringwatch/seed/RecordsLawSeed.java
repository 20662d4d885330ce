package org.ringwatch.seed;

import org.ringwatch.platform.Names;
import org.ringwatch.seed.CsvReader.CsvRecord;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The public-records law of the federal government, the 50 states and DC, from
 * records-law/response-deadlines.csv: one state row and one law row per jurisdiction.
 *
 * <p>The deadline column is written for people ("10 / 15", "none (≤20)", "30 (10)"). We keep it
 * as written and parse only what is unambiguous: a whole number of days per stage, stages
 * separated by " / ", a bracketed special case ignored. "none", "immediate" and "24 hours"
 * give no number of days — never 0, never a guess.
 */
final class RecordsLawSeed implements SeedTable {

    static final String FILE = "records-law/response-deadlines.csv";
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");
    private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)");
    private static final Pattern DAYS = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Set<String> DAY_TYPES = Set.of("business", "calendar");
    // "within 15 business days of acknowledgment" (AL), "within 15 business days after acknowledgment" (OR)
    private static final Pattern FROM_ACKNOWLEDGMENT = Pattern.compile("(?i)\\b(of|after) acknowledg");
    // "deemed a denial", "deemed denied", "treated as a denial", "presumed denied", "constructive exhaustion"
    private static final Pattern DEEMED_DENIAL = Pattern.compile(
            "(?i)deemed (a )?denial|deemed denied|treated as a denial|presumed denied|constructive exhaustion");

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public RowWriter open(Connection connection) throws SQLException {
        long source = Sql.source(connection, null,
                "RingWatch compilation of public-records response deadlines (statutes cited per state)",
                "RingWatch volunteers", "Facts compiled from public statutes", "2026-11");
        return row -> {
            String code = row.required("code");
            if (!CODE.matcher(code).matches()) {
                throw row.fail("code '" + code + "' is not two capital letters");
            }
            String kind = code.equals("US") ? "federal" : code.equals("DC") ? "district" : "state";
            String name = code.equals("US") ? "United States (federal)" : Names.clean(row.required("jurisdiction"));
            Sql.update(connection, """
                    INSERT INTO state (code, name, kind) VALUES (?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind
                     WHERE (state.name, state.kind) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind)
                    """, code, name, kind);

            Deadline deadline = Deadline.parse(row);
            String confidence = row.required("confidence");
            if (!confidence.equals("H") && !confidence.equals("M")) {
                throw row.fail("confidence '" + confidence + "' is neither H nor M");
            }
            String restriction = row.optional("requester_restriction");
            if (restriction != null && restriction.equalsIgnoreCase("none")) {
                restriction = null;
            }
            Sql.update(connection, """
                    INSERT INTO records_law (state_code, effective_from, law_name, citation, deadline_as_written,
                        day_type_as_written, first_deadline_days, first_deadline_day_type, second_deadline_days,
                        second_deadline_day_type, what_is_due, extension, administrative_appeal, judicial_review,
                        requester_restriction, confidence, notes, source_id, second_deadline_from_acknowledgment,
                        missed_deadline_is_denial)
                    VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (state_code, effective_from) DO UPDATE SET
                        law_name = EXCLUDED.law_name, citation = EXCLUDED.citation,
                        deadline_as_written = EXCLUDED.deadline_as_written,
                        day_type_as_written = EXCLUDED.day_type_as_written,
                        first_deadline_days = EXCLUDED.first_deadline_days,
                        first_deadline_day_type = EXCLUDED.first_deadline_day_type,
                        second_deadline_days = EXCLUDED.second_deadline_days,
                        second_deadline_day_type = EXCLUDED.second_deadline_day_type,
                        what_is_due = EXCLUDED.what_is_due, extension = EXCLUDED.extension,
                        administrative_appeal = EXCLUDED.administrative_appeal,
                        judicial_review = EXCLUDED.judicial_review,
                        requester_restriction = EXCLUDED.requester_restriction,
                        confidence = EXCLUDED.confidence, notes = EXCLUDED.notes, source_id = EXCLUDED.source_id,
                        second_deadline_from_acknowledgment = EXCLUDED.second_deadline_from_acknowledgment,
                        missed_deadline_is_denial = EXCLUDED.missed_deadline_is_denial
                    WHERE (records_law.law_name, records_law.citation, records_law.deadline_as_written,
                           records_law.day_type_as_written, records_law.first_deadline_days,
                           records_law.first_deadline_day_type, records_law.second_deadline_days,
                           records_law.second_deadline_day_type, records_law.what_is_due, records_law.extension,
                           records_law.administrative_appeal, records_law.judicial_review,
                           records_law.requester_restriction, records_law.confidence, records_law.notes,
                           records_law.source_id, records_law.second_deadline_from_acknowledgment,
                           records_law.missed_deadline_is_denial)
                          IS DISTINCT FROM
                          (EXCLUDED.law_name, EXCLUDED.citation, EXCLUDED.deadline_as_written,
                           EXCLUDED.day_type_as_written, EXCLUDED.first_deadline_days,
                           EXCLUDED.first_deadline_day_type, EXCLUDED.second_deadline_days,
                           EXCLUDED.second_deadline_day_type, EXCLUDED.what_is_due, EXCLUDED.extension,
                           EXCLUDED.administrative_appeal, EXCLUDED.judicial_review,
                           EXCLUDED.requester_restriction, EXCLUDED.confidence, EXCLUDED.notes,
                           EXCLUDED.source_id, EXCLUDED.second_deadline_from_acknowledgment,
                           EXCLUDED.missed_deadline_is_denial)
                    """,
                    code, Names.clean(row.required("law")), row.required("citation"),
                    row.required("initial_deadline"), row.required("day_type"),
                    deadline.firstDays(), deadline.firstType(), deadline.secondDays(), deadline.secondType(),
                    row.required("what_is_due"), row.optional("extension"),
                    row.optional("administrative_appeal_or_review"), row.optional("judicial_review"),
                    restriction, confidence, row.optional("notes"), source,
                    deadline.secondDays() != null && FROM_ACKNOWLEDGMENT.matcher(row.get("what_is_due")).find(),
                    DEEMED_DENIAL.matcher(String.join(" ", row.get("what_is_due"), row.get("extension"),
                            row.get("judicial_review"), row.get("notes"))).find());
        };
    }

    /** The parsed stages of a deadline; a null number of days means the law sets none. */
    record Deadline(Integer firstDays, String firstType, Integer secondDays, String secondType) {

        static Deadline parse(CsvRecord row) {
            String[] stages = BRACKETED.matcher(row.required("initial_deadline")).replaceAll("").split("/");
            // "n/a" is one word, not two stages.
            String[] types = BRACKETED.matcher(row.required("day_type")).replaceAll("").replace("n/a", "none")
                    .split("/");
            if (stages.length > 2) {
                throw row.fail("initial_deadline has more than two stages");
            }
            if (types.length > stages.length) {
                throw row.fail("day_type names more stages than initial_deadline");
            }
            Integer[] days = new Integer[2];
            String[] dayTypes = new String[2];
            for (int stage = 0; stage < stages.length; stage++) {
                String value = stages[stage].trim();
                if (!DAYS.matcher(value).matches()) {
                    continue;   // "none", "immediate", "24 hours": no number of days
                }
                String type = types[Math.min(stage, types.length - 1)].trim();
                if (!DAY_TYPES.contains(type)) {
                    throw row.fail("initial_deadline gives " + value + " days but day_type '"
                            + row.get("day_type") + "' says neither business nor calendar");
                }
                days[stage] = Integer.valueOf(value);
                dayTypes[stage] = type;
            }
            return new Deadline(days[0], dayTypes[0], days[1], dayTypes[1]);
        }
    }
}
