package org.ringwatch.state;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The legal holidays of one jurisdiction in one year, as the days offices are closed.
 * Business-day deadlines skip these.
 */
public final class HolidayCalendar {

    /** A holiday: the date the rule names and the date it is observed (they differ on weekends). */
    public record Holiday(String name, LocalDate date, LocalDate observedOn, String citation) {
        public boolean movedForWeekend() {
            return !date.equals(observedOn);
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
