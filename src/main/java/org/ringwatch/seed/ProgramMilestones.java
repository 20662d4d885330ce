package org.ringwatch.seed;

import io.quarkus.qute.TemplateData;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

/**
 * The milestones of Ring's police program (db/seed/ring/ring_program_timeline.csv), each with
 * its source, read once at start. They are program-wide facts about Ring, not about any agency,
 * so no table of the schema fits them and they are not worth a migration: the file is the
 * store, and a bad row stops the start with the file and line, like every other seed file.
 */
@Startup
@ApplicationScoped
public class ProgramMilestones {

    public static final String FILE = "ring/ring_program_timeline.csv";

    /**
     * One milestone. {@code precision} is the file's own: {@code day}, {@code month} (the date is
     * the month's first day) or {@code year_end} (a figure for the whole year, dated its last day).
     */
    @TemplateData
    public record Milestone(LocalDate date, String precision, String eventType, String description,
            String sourceTitle, String sourceUrl) {

        /** The date as precisely as it is known: "2021-06-07", "2018-05", "end of 2018". */
        public String dateText() {
            return switch (precision) {
                case "month" -> YearMonth.from(date).toString();
                case "year_end" -> "end of " + date.getYear();
                default -> date.toString();
            };
        }

        public String eventLabel() {
            String words = eventType.replace('_', ' ');
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }

    private final List<Milestone> all;

    public ProgramMilestones() {
        this(read("db/seed/" + FILE));
    }

    ProgramMilestones(String csv) {
        this.all = parse(FILE, csv);
    }

    /** Every milestone, oldest first. */
    public List<Milestone> all() {
        return all;
    }

    static List<Milestone> parse(String file, String csv) {
        return CsvReader.read(file, csv).stream().map(ProgramMilestones::milestone)
                .sorted(Comparator.comparing(Milestone::date)).toList();
    }

    private static Milestone milestone(CsvReader.CsvRecord row) {
        String precision = row.required("date_precision");
        String date = row.required("date");
        LocalDate on;
        try {
            on = switch (precision) {
                case "day", "year_end" -> LocalDate.parse(date);
                case "month" -> YearMonth.parse(date).atDay(1);
                default -> throw row.fail("date_precision '" + precision + "' is not day, month or year_end");
            };
        } catch (DateTimeParseException e) {
            throw row.fail("date '" + date + "' does not match its precision " + precision);
        }
        String url = row.required("source_url");
        if (!url.matches("https?://\\S+")) {
            throw row.fail("source_url '" + url + "' is not an http or https address");
        }
        return new Milestone(on, precision, row.required("event_type"), row.required("description"),
                row.required("source_title"), url);
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SeedException(resource, 0, "missing from the classpath (is db/seed/ mapped in pom.xml?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
