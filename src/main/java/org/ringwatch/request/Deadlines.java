package org.ringwatch.request;

import jakarta.enterprise.context.ApplicationScoped;
import org.ringwatch.platform.Today;
import org.ringwatch.state.BusinessCalendar;
import org.ringwatch.state.HolidayRule;
import org.ringwatch.state.RecordsLaw;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reckons a request's deadlines from its state's law, holidays and its logged status changes. */
@ApplicationScoped
public class Deadlines {

    private final Today today;

    public Deadlines(Today today) {
        this.today = today;
    }

    public DeadlineCalculator.Reckoning reckon(RecordsRequest request, List<RequestEvent> events) {
        List<DeadlineCalculator.StatusChange> history = events.stream().filter(e -> e.statusTo != null)
                .map(e -> new DeadlineCalculator.StatusChange(e.occurredOn, e.statusToEnum())).toList();
        return forState(request.agency.stateCode).apply(history);
    }

    /**
     * The reckoning of any request in {@code state}, from its status changes alone: lists read the
     * law and the holidays once per state (two small queries) and reckon each row's history with it.
     */
    public Function<List<DeadlineCalculator.StatusChange>, DeadlineCalculator.Reckoning> forState(String state) {
        Optional<RecordsLaw> law = RecordsLaw.currentFor(state);
        if (law.isEmpty()) {
            DeadlineCalculator.Reckoning none = new DeadlineCalculator.Reckoning(null,
                    "We have no public-records law on file for " + state + ".", false, false, false, List.of());
            return history -> none;
        }
        LawTerms terms = LawTerms.of(law.get());
        DeadlineCalculator calculator = new DeadlineCalculator(new BusinessCalendar(HolidayRule.forState(state)));
        return history -> calculator.reckon(terms, history, today.date());
    }
}
