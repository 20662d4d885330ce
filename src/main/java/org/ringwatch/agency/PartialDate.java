package org.ringwatch.agency;

import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A date known to the day, the month or the year. A month-precise date is stored as the
 * month's first day; it must never be shown or exported as if that day were known.
 */
@TemplateData
public record PartialDate(LocalDate date, String precision) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** "22 March 2018", "September 2020", "2019". */
    public String display() {
        return switch (precision) {
            case "day" -> DAY.format(date);
            case "month" -> MONTH.format(date);
            default -> String.valueOf(date.getYear());
        };
    }

    /** ISO 8601 at the known precision: "2018-03-22", "2020-09", "2019". */
    public String iso() {
        return switch (precision) {
            case "day" -> date.toString();
            case "month" -> date.toString().substring(0, 7);
            default -> String.valueOf(date.getYear());
        };
    }
}
