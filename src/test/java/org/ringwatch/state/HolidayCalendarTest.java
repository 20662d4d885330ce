package org.ringwatch.state;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dates checked by hand against the OPM federal holiday tables for 2021, 2022, 2026 and 2027. */
class HolidayCalendarTest {

    private static final List<HolidayRule> FEDERAL = List.of(
            fixed("New Year's Day", 1, 1, "federal", null),
            nth("Birthday of Martin Luther King, Jr.", 1, 1, 3, (short) 1986),
            nth("Washington's Birthday", 2, 1, 3, null),
            last("Memorial Day", 5, 1),
            fixed("Juneteenth National Independence Day", 6, 19, "federal", (short) 2021),
            fixed("Independence Day", 7, 4, "federal", null),
            nth("Labor Day", 9, 1, 1, null),
            nth("Columbus Day", 10, 1, 2, null),
            fixed("Veterans Day", 11, 11, "federal", null),
            nth("Thanksgiving Day", 11, 4, 4, null),
            fixed("Christmas Day", 12, 25, "federal", null));

    @Test
    void shouldComputeThe2026FederalHolidaysAsObserved() {
        List<LocalDate> observed = HolidayCalendar.observedIn(FEDERAL, 2026).stream()
                .map(HolidayCalendar.Holiday::observedOn).toList();
        assertEquals(List.of(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 19), LocalDate.of(2026, 2, 16),
                LocalDate.of(2026, 5, 25), LocalDate.of(2026, 6, 19), LocalDate.of(2026, 7, 3),
                LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 11),
                LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25)), observed);
    }

    @Test
    void shouldObserveASaturdayHolidayOnFridayAndASundayOneOnMonday() {
        List<HolidayCalendar.Holiday> y2027 = HolidayCalendar.observedIn(FEDERAL, 2027);
        HolidayCalendar.Holiday christmas = y2027.stream().filter(h -> h.name().equals("Christmas Day")).findFirst()
                .orElseThrow();
        assertEquals(LocalDate.of(2027, 12, 24), christmas.observedOn());
        assertTrue(christmas.movedForWeekend());
        HolidayCalendar.Holiday juneteenth = y2027.stream().filter(h -> h.name().startsWith("Juneteenth"))
                .findFirst().orElseThrow();
        assertEquals(LocalDate.of(2027, 6, 18), juneteenth.observedOn(), "19 June 2027 is a Saturday");
        HolidayCalendar.Holiday independence2021 = HolidayCalendar.observedIn(FEDERAL, 2021).stream()
                .filter(h -> h.name().equals("Independence Day")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2021, 7, 5), independence2021.observedOn(), "4 July 2021 is a Sunday");
    }

    @Test
    void shouldPutASaturdayNewYearInThePreviousYear() {
        List<HolidayCalendar.Holiday> y2021 = HolidayCalendar.observedIn(FEDERAL, 2021);
        assertTrue(y2021.stream().anyMatch(h -> h.name().equals("New Year's Day")
                && h.observedOn().equals(LocalDate.of(2021, 12, 31)) && h.date().equals(LocalDate.of(2022, 1, 1))));
        assertFalse(HolidayCalendar.observedIn(FEDERAL, 2022).stream()
                .anyMatch(h -> h.name().equals("New Year's Day")), "observed on 31 December 2021, not in 2022");
    }

    @Test
    void shouldNotApplyARuleBeforeItsFirstYear() {
        assertFalse(HolidayCalendar.observedIn(FEDERAL, 2020).stream().anyMatch(h -> h.name().startsWith("Juneteenth")));
    }

    @Test
    void shouldMoveOnlySundayForSundayToMondayRules() {
        HolidayRule chavez = fixed("César Chávez Day", 3, 31, "sunday_to_monday", null);
        assertEquals(LocalDate.of(2024, 4, 1), chavez.observedOn(LocalDate.of(2024, 3, 31)), "a Sunday");
        assertEquals(LocalDate.of(2029, 3, 31), chavez.observedOn(LocalDate.of(2029, 3, 31)), "a Saturday stays");
    }

    private static HolidayRule fixed(String name, int month, int day, String observed, Short firstYear) {
        HolidayRule rule = rule(name, "fixed_date", month, observed);
        rule.dayOfMonth = (short) day;
        rule.firstYear = firstYear;
        return rule;
    }

    private static HolidayRule nth(String name, int month, int dayOfWeek, int nth, Short firstYear) {
        HolidayRule rule = rule(name, "nth_weekday", month, "none");
        rule.dayOfWeek = (short) dayOfWeek;
        rule.nth = (short) nth;
        rule.firstYear = firstYear;
        return rule;
    }

    private static HolidayRule last(String name, int month, int dayOfWeek) {
        HolidayRule rule = rule(name, "last_weekday", month, "none");
        rule.dayOfWeek = (short) dayOfWeek;
        return rule;
    }

    private static HolidayRule rule(String name, String kind, int month, String observed) {
        HolidayRule rule = new HolidayRule();
        rule.name = name;
        rule.kind = kind;
        rule.month = (short) month;
        rule.observed = observed;
        rule.citation = "5 U.S.C. § 6103(a)";
        return rule;
    }
}
