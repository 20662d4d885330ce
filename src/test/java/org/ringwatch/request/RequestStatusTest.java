package org.ringwatch.request;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ringwatch.request.RequestStatus.ACKNOWLEDGED;
import static org.ringwatch.request.RequestStatus.APPEALED;
import static org.ringwatch.request.RequestStatus.CLARIFICATION_REQUESTED;
import static org.ringwatch.request.RequestStatus.DENIED;
import static org.ringwatch.request.RequestStatus.DRAFT;
import static org.ringwatch.request.RequestStatus.FEE_REQUESTED;
import static org.ringwatch.request.RequestStatus.FILED;
import static org.ringwatch.request.RequestStatus.FULFILLED;
import static org.ringwatch.request.RequestStatus.NO_RESPONSIVE_RECORDS;
import static org.ringwatch.request.RequestStatus.PARTIALLY_FULFILLED;
import static org.ringwatch.request.RequestStatus.PROCESSING;
import static org.ringwatch.request.RequestStatus.WITHDRAWN;

/** Every move from every status, allowed and refused, against a table written out by hand. */
class RequestStatusTest {

    private static final Set<RequestStatus> ANSWERS = EnumSet.of(PARTIALLY_FULFILLED, FULFILLED, NO_RESPONSIVE_RECORDS,
            DENIED);

    private static final Map<RequestStatus, Set<RequestStatus>> ALLOWED = Map.ofEntries(
            entry(DRAFT, EnumSet.of(FILED, WITHDRAWN)),
            entry(FILED, union(EnumSet.of(ACKNOWLEDGED, PROCESSING, FEE_REQUESTED, CLARIFICATION_REQUESTED, APPEALED,
                    WITHDRAWN), ANSWERS)),
            entry(ACKNOWLEDGED, union(EnumSet.of(PROCESSING, FEE_REQUESTED, CLARIFICATION_REQUESTED, APPEALED, WITHDRAWN),
                    ANSWERS)),
            entry(PROCESSING, union(EnumSet.of(PROCESSING, FEE_REQUESTED, CLARIFICATION_REQUESTED, APPEALED, WITHDRAWN),
                    ANSWERS)),
            entry(FEE_REQUESTED, union(EnumSet.of(PROCESSING, FEE_REQUESTED, CLARIFICATION_REQUESTED, WITHDRAWN), ANSWERS)),
            entry(CLARIFICATION_REQUESTED, union(EnumSet.of(PROCESSING, FEE_REQUESTED, CLARIFICATION_REQUESTED,
                    WITHDRAWN), ANSWERS)),
            entry(PARTIALLY_FULFILLED, union(EnumSet.of(PROCESSING, FEE_REQUESTED, CLARIFICATION_REQUESTED, APPEALED,
                    WITHDRAWN), ANSWERS)),
            entry(FULFILLED, EnumSet.of(APPEALED)),
            entry(NO_RESPONSIVE_RECORDS, EnumSet.of(APPEALED)),
            entry(DENIED, EnumSet.of(APPEALED)),
            entry(APPEALED, union(EnumSet.of(PROCESSING, WITHDRAWN), ANSWERS)),
            entry(WITHDRAWN, EnumSet.noneOf(RequestStatus.class)));

    @ParameterizedTest
    @EnumSource(RequestStatus.class)
    void shouldAllowExactlyTheDocumentedMoves(RequestStatus from) {
        for (RequestStatus to : RequestStatus.values()) {
            assertEquals(ALLOWED.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
        }
    }

    @ParameterizedTest
    @EnumSource(RequestStatus.class)
    void shouldRoundTripItsCode(RequestStatus status) {
        assertEquals(status, RequestStatus.fromCode(status.code()).orElseThrow());
        assertEquals(status, RequestStatus.fromCode(" " + status.code().toUpperCase() + " ").orElseThrow());
    }

    private static Set<RequestStatus> union(Set<RequestStatus> a, Set<RequestStatus> b) {
        EnumSet<RequestStatus> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }
}
