package org.ringwatch.state;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The legal holidays of one jurisdiction in one year, as the days offices are closed.
 * Business-day deadlines skip these.
 */
public final class HolidayCalendar {

    /** A holiday: the date the rule names and the date it is observed (they differ on weekends). */
    public record Holiday(String name, LocalDate date, LocalDate observedOn, String citation) {
        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

        public boolean movedForWeekend() {
            return !date.equals(observedOn);
        }

        /** "Friday 3 July". */
        public String observedDisplay() {
            return DAY.format(observedOn);
        }

        public String dateDisplay() {
            return DAY.format(date);
        }
    }

    private HolidayCalendar() {
    }

    /**
     * Holidays observed in {@code year}. A New Year's Day on a Saturday is observed on the
     * Friday before, in the previous year, so neighbouring years are computed too.
     */
    public static List<Holiday> observedIn(List<HolidayRule> rules, int year) {
        List<Holiday> holidays = new ArrayList<>();
        for (int y = year - 1; y <= year + 1; y++) {
            for (HolidayRule rule : rules) {
                int ruleYear = y;
                rule.dateIn(ruleYear).ifPresent(date -> {
                    LocalDate observed = rule.observedOn(date);
                    if (observed.getYear() == year) {
                        holidays.add(new Holiday(rule.name, date, observed, rule.citation));
                    }
                });
            }
        }
        holidays.sort(Comparator.comparing(Holiday::observedOn));
        return holidays;
    }
}
