package org.ringwatch.search;

import org.ringwatch.agency.Agency;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.QueryDates;
import org.ringwatch.state.State;

import java.time.LocalDate;

/** Turns the search parameters, as typed, into filters; a bad one names itself. */
final class SearchQuery {

    private SearchQuery() {
    }

    static Search.Filters filters(String state, String agency, String request, String from, String to) {
        String stateCode = null;
        if (present(state)) {
            stateCode = State.findByCode(state.strip()).map(s -> s.code)
                    .orElseThrow(() -> ApiProblem.badParameter("state", "state '" + state + "' is not a USPS code"));
        }
        Long agencyId = null;
        if (present(agency)) {
            agencyId = Agency.findByKey(agency).map(a -> a.id).orElseThrow(() -> ApiProblem.badParameter("agency",
                    "agency '" + agency + "' is not \"<state code>/<slug>\" of a known agency"));
        }
        Long requestId = null;
        if (present(request)) {
            try {
                requestId = Long.parseLong(request.strip());
            } catch (NumberFormatException e) {
                throw ApiProblem.badParameter("request", "request must be a request id (a whole number)");
            }
        }
        return new Search.Filters(stateCode, agencyId, requestId, QueryDates.parse("from", from),
                QueryDates.parse("to", to));
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
