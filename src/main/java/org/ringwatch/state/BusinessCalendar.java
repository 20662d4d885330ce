package org.ringwatch.state;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts days the way public-records laws do: business days skip Saturdays, Sundays and the
 * jurisdiction's legal holidays on the days they are observed.
 */
public final class BusinessCalendar {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);

    private final List<HolidayRule> rules;
    private final Map<Integer, Map<LocalDate, String>> holidaysByYear = new HashMap<>();

    public BusinessCalendar(List<HolidayRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** A counted span: where it ended and the holidays it stepped over, for the working shown to people. */
    public record Count(LocalDate end, List<String> skippedHolidays) {
    }

    /** "Tue 2026-12-22", the form every deadline explanation uses. */
    public static String format(LocalDate date) {
        return DAY.format(date);
    }

    public Optional<String> holidayOn(LocalDate date) {
        return Optional.ofNullable(holidays(date.getYear()).get(date));
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && holidayOn(date).isEmpty();
    }

    /** The {@code days}-th business day after {@code start} (which is day 0). */
    public Count addBusinessDays(LocalDate start, int days) {
        List<String> skipped = new ArrayList<>();
        LocalDate date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            Optional<String> holiday = holidayOn(date);
            if (holiday.isPresent() && !isWeekend(date)) {
                skipped.add(format(date) + " (" + holiday.get() + ")");
            } else if (!isWeekend(date)) {
                counted++;
            }
        }
        return new Count(date, skipped);
    }

    /** Business days in the span after {@code from} up to and including {@code to}. */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isBusinessDay(date)) {
                count++;
            }
        }
        return count;
    }

    /** The date itself if offices are open, else the next day they are. */
    public LocalDate nextBusinessDayFrom(LocalDate date) {
        LocalDate day = date;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private Map<LocalDate, String> holidays(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> {
            Map<LocalDate, String> byDate = new HashMap<>();
            for (HolidayCalendar.Holiday holiday : HolidayCalendar.observedIn(rules, y)) {
                byDate.merge(holiday.observedOn(), holiday.name(), (a, b) -> a + ", " + b);
            }
            return byDate;
        });
    }
}
