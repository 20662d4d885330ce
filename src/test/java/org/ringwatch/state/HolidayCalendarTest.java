package org.ringwatch.state;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dates checked by hand against the OPM federal holiday tables for 2021, 2022, 2026 and 2027. */
class HolidayCalendarTest {

    private static final List<HolidayRule> FEDERAL = FederalHolidays.rules();

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
        HolidayRule chavez = FederalHolidays.fixed("César Chávez Day", 3, 31, "sunday_to_monday", null);
        assertEquals(LocalDate.of(2024, 4, 1), chavez.observedOn(LocalDate.of(2024, 3, 31)), "a Sunday");
        assertEquals(LocalDate.of(2029, 3, 31), chavez.observedOn(LocalDate.of(2029, 3, 31)), "a Saturday stays");
    }
}
