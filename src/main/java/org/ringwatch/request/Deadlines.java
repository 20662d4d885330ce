package org.ringwatch.request;

import jakarta.enterprise.context.ApplicationScoped;
import org.ringwatch.platform.Today;
import org.ringwatch.state.BusinessCalendar;
import org.ringwatch.state.HolidayRule;
import org.ringwatch.state.RecordsLaw;

import java.util.List;
import java.util.Optional;

/** Reckons a request's deadlines from its state's law, holidays and its logged status changes. */
@ApplicationScoped
public class Deadlines {

    private final Today today;

    public Deadlines(Today today) {
        this.today = today;
    }

    public DeadlineCalculator.Reckoning reckon(RecordsRequest request, List<RequestEvent> events) {
        String state = request.agency.stateCode;
        Optional<RecordsLaw> law = RecordsLaw.currentFor(state);
        if (law.isEmpty()) {
            return new DeadlineCalculator.Reckoning(null, "We have no public-records law on file for " + state + ".",
                    false, false, false, List.of());
        }
        List<DeadlineCalculator.StatusChange> history = events.stream().filter(e -> e.statusTo != null)
                .map(e -> new DeadlineCalculator.StatusChange(e.occurredOn, e.statusToEnum())).toList();
        return new DeadlineCalculator(new BusinessCalendar(HolidayRule.forState(state)))
                .reckon(LawTerms.of(law.get()), history, today.date());
    }
}
