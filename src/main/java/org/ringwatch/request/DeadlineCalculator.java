package org.ringwatch.request;

import org.ringwatch.state.BusinessCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.ringwatch.state.BusinessCalendar.format;

/**
 * Works out what a request's agency owes by when, and shows the working.
 *
 * <p>Conventions (issue #3): the filing date is day 0; business days skip weekends and the
 * state's observed legal holidays; a calendar-day deadline that ends on a weekend or holiday
 * moves to the next business day; a two-stage law gets both dates; fee and clarification
 * requests pause the clock and push the pending date back by the business days paused; a law
 * with no number of days gets no date, ever. Acknowledging does not end a single-stage
 * deadline, and a partial release does not end the deadline for the rest: only a decision
 * (fulfilled, no responsive records, denied) or a withdrawal does.
 */
public final class DeadlineCalculator {

    /** A status the request moved to, and when. */
    public record StatusChange(LocalDate on, RequestStatus status) {
    }

    /** One stage of the law: what it asks, its due date (null when not yet reckonable), whether it was met. */
    public record Stage(String name, LocalDate due, String working, boolean met) {
    }

    /**
     * The reckoning as of one day.
     *
     * @param dueDate        the date the agency must meet next; null when nothing statutory is pending or countable
     * @param explanation    the working, in words
     * @param appealPossible a denial, or a missed deadline where the law deems that a denial
     */
    public record Reckoning(LocalDate dueDate, String explanation, boolean overdue, boolean paused,
            boolean appealPossible, List<Stage> stages) {
    }

    private record Pause(LocalDate from, LocalDate to, RequestStatus reason) {
    }

    private final BusinessCalendar calendar;

    public DeadlineCalculator(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public Reckoning reckon(LawTerms law, List<StatusChange> history, LocalDate today) {
        List<StatusChange> changes = history.stream().sorted(Comparator.comparing(StatusChange::on)).toList();
        LocalDate filed = changes.stream().filter(c -> c.status() == RequestStatus.FILED).map(StatusChange::on)
                .findFirst().orElse(null);
        RequestStatus current = changes.isEmpty() ? RequestStatus.DRAFT : changes.get(changes.size() - 1).status();
        boolean denied = current == RequestStatus.DENIED;
        if (filed == null) {
            return new Reckoning(null, "Not filed yet: the clock starts on the day the request is filed.", false,
                    false, false, List.of());
        }
        if (!law.hasDeadline()) {
            return new Reckoning(null, "No statutory deadline (promptly): " + law.lawName()
                    + " sets no number of days for the agency to answer.", false, false, denied, List.of());
        }
        LocalDate firstResponse = changes.stream().filter(c -> c.status().isAgencyResponse())
                .map(StatusChange::on).findFirst().orElse(null);
        LocalDate decided = changes.stream().filter(c -> c.status().isDecision() || c.status() == RequestStatus.WITHDRAWN)
                .map(StatusChange::on).findFirst().orElse(null);
        List<Pause> pauses = pauses(changes, today);

        List<Stage> stages = new ArrayList<>();
        if (law.twoStages()) {
            stages.add(stage("First response", filed, "filed", law.firstDays(), law.firstDayType(), firstResponse,
                    pauses));
            LocalDate secondBase = law.secondFromAcknowledgment() ? firstResponse : filed;
            if (secondBase == null) {
                stages.add(new Stage("Complete response", null, LawTerms.days(law.secondDays(), law.secondDayType())
                        + " from the agency's first response, which has not come yet", false));
            } else {
                stages.add(stage("Complete response", secondBase,
                        law.secondFromAcknowledgment() ? "first response" : "filed", law.secondDays(),
                        law.secondDayType(), decided, pauses));
            }
        } else {
            Integer days = law.firstDays() != null ? law.firstDays() : law.secondDays();
            String type = law.firstDays() != null ? law.firstDayType() : law.secondDayType();
            stages.add(stage("Response", filed, "filed", days, type, decided, pauses));
        }

        Pause open = pauses.stream().filter(p -> p.to() == null).findFirst().orElse(null);
        Stage pending = stages.stream().filter(s -> !s.met()).findFirst().orElse(null);
        StringBuilder explanation = new StringBuilder();
        for (Stage stage : stages) {
            explanation.append(stage.name()).append(": ").append(stage.working())
                    .append(stage.met() ? " (met)" : "").append(". ");
        }
        if (current == RequestStatus.WITHDRAWN) {
            return new Reckoning(null, explanation + "The request was withdrawn.", false, false, false, stages);
        }
        if (pending == null) {
            return new Reckoning(null, explanation + "Nothing statutory is pending.", false, false, denied, stages);
        }
        if (open != null) {
            int paused = calendar.businessDaysBetween(open.from(), today);
            explanation.append("The clock is paused since ").append(format(open.from())).append(" (")
                    .append(open.reason().label().toLowerCase()).append("); ").append(paused)
                    .append(paused == 1 ? " business day" : " business days")
                    .append(" so far will be added when it restarts.");
            return new Reckoning(null, explanation.toString().trim(), false, true, denied, stages);
        }
        boolean overdue = pending.due() != null && today.isAfter(pending.due());
        boolean appeal = denied || (overdue && law.missedDeadlineIsDenial());
        if (overdue) {
            explanation.append("Overdue since ").append(format(pending.due().plusDays(1))).append('.');
            if (law.missedDeadlineIsDenial()) {
                explanation.append(" Under ").append(law.lawName())
                        .append(" a missed deadline counts as a denial, so an appeal is now possible")
                        .append(law.appeal() == null ? "." : ": " + law.appeal());
            }
        }
        return new Reckoning(pending.due(), explanation.toString().trim(), overdue, false, appeal, stages);
    }

    private Stage stage(String name, LocalDate base, String baseName, int days, String type, LocalDate metOn,
            List<Pause> pauses) {
        StringBuilder working = new StringBuilder();
        working.append(LawTerms.days(days, type)).append(" from ").append(format(base)).append(" (").append(baseName)
                .append(")");
        LocalDate due;
        if ("business".equals(type)) {
            BusinessCalendar.Count count = calendar.addBusinessDays(base, days);
            due = count.end();
            if (!count.skippedHolidays().isEmpty()) {
                working.append(", skipping ").append(String.join(", ", count.skippedHolidays()));
            }
        } else {
            LocalDate end = base.plusDays(days);
            due = calendar.nextBusinessDayFrom(end);
            if (!due.equals(end)) {
                working.append(" ends on ").append(format(end)).append(", ")
                        .append(calendar.holidayOn(end).map(h -> "a holiday (" + h + ")").orElse("a weekend"))
                        .append(", so it moves to the next business day");
            }
        }
        working.append(": due ").append(format(due));
        for (Pause pause : pauses) {
            boolean beforeMet = metOn == null || pause.from().isBefore(metOn);
            if (pause.to() == null || !beforeMet || pause.from().isBefore(base)) {
                continue;
            }
            int paused = calendar.businessDaysBetween(pause.from(), pause.to());
            if (paused == 0) {
                continue;
            }
            BusinessCalendar.Count extended = calendar.addBusinessDays(due, paused);
            due = extended.end();
            working.append("; plus ").append(paused).append(paused == 1 ? " business day" : " business days")
                    .append(" paused (").append(pause.reason().label().toLowerCase()).append(' ')
                    .append(format(pause.from())).append(" to ").append(format(pause.to())).append(")");
            if (!extended.skippedHolidays().isEmpty()) {
                working.append(", skipping ").append(String.join(", ", extended.skippedHolidays()));
            }
            working.append(": due ").append(format(due));
        }
        boolean met = metOn != null;
        if (met) {
            working.append("; answered ").append(format(metOn));
        }
        return new Stage(name, due, working.toString(), met);
    }

    /** Spans spent in a pausing status; the last one is open (to == null) if the request is still in it. */
    private static List<Pause> pauses(List<StatusChange> changes, LocalDate today) {
        List<Pause> pauses = new ArrayList<>();
        StatusChange pausedBy = null;
        for (StatusChange change : changes) {
            if (pausedBy == null && change.status().pausesClock()) {
                pausedBy = change;
            } else if (pausedBy != null && !change.status().pausesClock()) {
                pauses.add(new Pause(pausedBy.on(), change.on(), pausedBy.status()));
                pausedBy = null;
            }
        }
        if (pausedBy != null) {
            pauses.add(new Pause(pausedBy.on(), null, pausedBy.status()));
        }
        return pauses;
    }
}
