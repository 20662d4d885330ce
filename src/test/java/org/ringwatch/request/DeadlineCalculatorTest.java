package org.ringwatch.request;

import org.junit.jupiter.api.Test;
import org.ringwatch.request.DeadlineCalculator.Reckoning;
import org.ringwatch.request.DeadlineCalculator.StatusChange;
import org.ringwatch.state.FederalHolidays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringwatch.request.RequestStatus.ACKNOWLEDGED;
import static org.ringwatch.request.RequestStatus.DENIED;
import static org.ringwatch.request.RequestStatus.FEE_REQUESTED;
import static org.ringwatch.request.RequestStatus.FILED;
import static org.ringwatch.request.RequestStatus.FULFILLED;
import static org.ringwatch.request.RequestStatus.PARTIALLY_FULFILLED;
import static org.ringwatch.request.RequestStatus.PROCESSING;
import static org.ringwatch.request.RequestStatus.WITHDRAWN;

/**
 * Deadlines checked by hand against the statutes in db/seed/records-law and a 2026 calendar
 * (Veterans Day Wed 11 Nov, Thanksgiving Thu 26 Nov, Christmas Fri 25 Dec, New Year's Day Fri
 * 1 Jan 2027). The filing date is day 0.
 */
class DeadlineCalculatorTest {

    private static final LawTerms NEW_YORK = law(5, "business", null, null, false, false);        // § 89(3)(a)
    private static final LawTerms CALIFORNIA = law(10, "calendar", null, null, false, false);     // § 7922.535
    private static final LawTerms OREGON = law(5, "business", 15, "business", true, false);       // ORS 192.329
    private static final LawTerms NEW_MEXICO = law(3, "business", 15, "calendar", false, false);  // § 14-2-8
    private static final LawTerms CONNECTICUT = law(4, "business", null, null, false, true);      // § 1-206(a)
    private static final LawTerms ARIZONA = law(null, null, null, null, false, true);            // § 39-121.01

    private final DeadlineCalculator calculator = new DeadlineCalculator(FederalHolidays.calendar());

    @Test
    void shouldSkipAHolidayInBusinessDays() {
        Reckoning r = reckon(NEW_YORK, date(2026, 12, 30), FILED, date(2026, 12, 22));
        assertEquals(date(2026, 12, 30), r.dueDate());
        assertThat(r.explanation(), containsString(
                "5 business days from Tue 2026-12-22 (filed), skipping Fri 2026-12-25 (Christmas Day): due Wed 2026-12-30"));
        assertFalse(r.overdue(), "not late on the due date itself");
    }

    @Test
    void shouldSkipWeekendsAndAMidweekHoliday() {
        Reckoning r = reckon(NEW_YORK, date(2026, 11, 6), FILED, date(2026, 11, 6));
        assertEquals(date(2026, 11, 16), r.dueDate(), "Mon 9, Tue 10, (Veterans Day), Thu 12, Fri 13, Mon 16");
    }

    @Test
    void shouldMoveACalendarDeadlineOffAHolidayAndAWeekend() {
        Reckoning holiday = reckon(CALIFORNIA, date(2026, 12, 23), FILED, date(2026, 12, 22));
        assertEquals(date(2027, 1, 4), holiday.dueDate());
        assertThat(holiday.explanation(), containsString("ends on Fri 2027-01-01, a holiday (New Year's Day)"));
        Reckoning weekend = reckon(CALIFORNIA, date(2026, 11, 5), FILED, date(2026, 11, 4));
        assertEquals(date(2026, 11, 16), weekend.dueDate(), "Sat 14 Nov moves to Mon 16 Nov");
        assertThat(weekend.explanation(), containsString("a weekend"));
        Reckoning plain = reckon(CALIFORNIA, date(2026, 12, 22), FILED, date(2026, 12, 21));
        assertEquals(date(2026, 12, 31), plain.dueDate());
    }

    @Test
    void shouldGiveBothDatesOfATwoStageLawCountedFromTheAcknowledgment() {
        Reckoning before = reckon(OREGON, date(2026, 11, 3), FILED, date(2026, 11, 2));
        assertEquals(date(2026, 11, 9), before.dueDate(), "first: acknowledge within 5 business days");
        assertNull(before.stages().get(1).due(), "second stage counts from an acknowledgment not yet made");
        assertThat(before.explanation(), containsString("which has not come yet"));

        Reckoning after = reckon(OREGON, date(2026, 11, 5), FILED, date(2026, 11, 2), ACKNOWLEDGED, date(2026, 11, 4));
        assertTrue(after.stages().get(0).met());
        assertEquals(date(2026, 11, 27), after.dueDate(),
                "15 business days from Wed 4 Nov, skipping Veterans Day and Thanksgiving");
        assertThat(after.explanation(), containsString("skipping Wed 2026-11-11 (Veterans Day), Thu 2026-11-26 (Thanksgiving Day)"));
    }

    @Test
    void shouldCountATwoStageLawWithMixedDayTypesFromFiling() {
        Reckoning r = reckon(NEW_MEXICO, date(2026, 11, 3), FILED, date(2026, 11, 2));
        assertEquals(date(2026, 11, 5), r.stages().get(0).due());
        assertEquals(date(2026, 11, 17), r.stages().get(1).due());
        Reckoning answered = reckon(NEW_MEXICO, date(2026, 11, 6), FILED, date(2026, 11, 2), ACKNOWLEDGED,
                date(2026, 11, 4));
        assertEquals(date(2026, 11, 17), answered.dueDate(), "the first stage is met; the second is next");
    }

    @Test
    void shouldPauseForAFeeAndAddThePausedBusinessDays() {
        Reckoning paused = reckon(NEW_YORK, date(2026, 11, 6), FILED, date(2026, 11, 2), ACKNOWLEDGED, date(2026, 11, 4),
                FEE_REQUESTED, date(2026, 11, 5));
        assertTrue(paused.paused());
        assertNull(paused.dueDate(), "no date while the clock is stopped");
        assertFalse(paused.overdue());
        assertThat(paused.explanation(), containsString("The clock is paused since Thu 2026-11-05 (fee requested)"));

        Reckoning resumed = reckon(NEW_YORK, date(2026, 11, 12), FILED, date(2026, 11, 2), ACKNOWLEDGED,
                date(2026, 11, 4), FEE_REQUESTED, date(2026, 11, 5), PROCESSING, date(2026, 11, 10));
        assertEquals(date(2026, 11, 13), resumed.dueDate(), "Mon 9 Nov + 3 paused business days (Fri 6, Mon 9, Tue 10)");
        assertThat(resumed.explanation(), containsString("plus 3 business days paused"));
        assertThat(resumed.explanation(), containsString("skipping Wed 2026-11-11 (Veterans Day)"));
    }

    @Test
    void shouldNotEndASingleStageDeadlineByAcknowledgingOrReleasingPart() {
        Reckoning r = reckon(NEW_YORK, date(2026, 11, 10), FILED, date(2026, 11, 2), ACKNOWLEDGED, date(2026, 11, 3),
                PARTIALLY_FULFILLED, date(2026, 11, 5));
        assertEquals(date(2026, 11, 9), r.dueDate());
        assertTrue(r.overdue());
        assertFalse(r.appealPossible(), "New York does not deem a missed deadline a denial in our data");
    }

    @Test
    void shouldEndTheDeadlineWithADecisionOrAWithdrawal() {
        Reckoning fulfilled = reckon(NEW_YORK, date(2027, 3, 1), FILED, date(2026, 11, 2), FULFILLED, date(2026, 11, 5));
        assertNull(fulfilled.dueDate());
        assertFalse(fulfilled.overdue());
        assertThat(fulfilled.explanation(), containsString("Nothing statutory is pending"));
        Reckoning withdrawn = reckon(NEW_YORK, date(2027, 3, 1), FILED, date(2026, 11, 2), WITHDRAWN, date(2026, 11, 3));
        assertNull(withdrawn.dueDate());
        assertFalse(withdrawn.overdue());
    }

    @Test
    void shouldOpenAnAppealWhenAMissedDeadlineCountsAsADenial() {
        Reckoning r = reckon(CONNECTICUT, date(2026, 11, 9), FILED, date(2026, 11, 2));
        assertEquals(date(2026, 11, 6), r.dueDate());
        assertTrue(r.overdue());
        assertTrue(r.appealPossible());
        assertThat(r.explanation(), containsString("a missed deadline counts as a denial, so an appeal is now possible"));
        Reckoning denied = reckon(NEW_YORK, date(2026, 11, 4), FILED, date(2026, 11, 2), DENIED, date(2026, 11, 3));
        assertTrue(denied.appealPossible(), "a denial can always be appealed");
    }

    @Test
    void shouldNeverGiveADateWhereTheLawSetsNoNumberOfDays() {
        Reckoning r = reckon(ARIZONA, date(2027, 6, 1), FILED, date(2026, 11, 2));
        assertNull(r.dueDate());
        assertFalse(r.overdue());
        assertThat(r.explanation(), containsString("No statutory deadline (promptly)"));
    }

    @Test
    void shouldStartNoClockBeforeFiling() {
        Reckoning r = calculator.reckon(NEW_YORK, List.of(), date(2026, 11, 2));
        assertNull(r.dueDate());
        assertThat(r.explanation(), containsString("Not filed yet"));
    }

    @Test
    void shouldPhraseTheDeadlineForTheLetter() {
        assertEquals("within 5 business days, as N.Y. Pub. Off. Law § 89(3)(a) requires",
                new LawTerms("FOIL", "N.Y. Pub. Off. Law § 89(3)(a)", 5, "business", null, null, false, false, null)
                        .deadlinePhrase());
        assertThat(OREGON.deadlinePhrase(), containsString("within 5 business days, and to complete the response"
                + " within 15 business days of that first response"));
        assertThat(ARIZONA.deadlinePhrase(), containsString("promptly"));
    }

    private Reckoning reckon(LawTerms law, LocalDate today, Object... statusThenDate) {
        List<StatusChange> history = new ArrayList<>();
        for (int i = 0; i < statusThenDate.length; i += 2) {
            history.add(new StatusChange((LocalDate) statusThenDate[i + 1], (RequestStatus) statusThenDate[i]));
        }
        return calculator.reckon(law, history, today);
    }

    private static LawTerms law(Integer first, String firstType, Integer second, String secondType,
            boolean fromAcknowledgment, boolean deemedDenial) {
        return new LawTerms("Test Law", "Test Code § 1", first, firstType, second, secondType, fromAcknowledgment,
                deemedDenial, "Appeal to the agency head");
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}
