package org.ringwatch.request;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a records request stands. The allowed moves are listed here, in one place, so the
 * forms, the API and the tests agree on them.
 */
public enum RequestStatus {
    DRAFT("Draft"),
    FILED("Filed"),
    ACKNOWLEDGED("Acknowledged"),
    PROCESSING("Processing"),
    FEE_REQUESTED("Fee requested"),
    CLARIFICATION_REQUESTED("Clarification requested"),
    PARTIALLY_FULFILLED("Partially fulfilled"),
    FULFILLED("Fulfilled"),
    NO_RESPONSIVE_RECORDS("No responsive records"),
    DENIED("Denied"),
    APPEALED("Appealed"),
    WITHDRAWN("Withdrawn");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value stored and sent in JSON: "fee_requested". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RequestStatus> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (RequestStatus status : values()) {
            if (status.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** The agency is waiting on the requester: the statutory clock stops. */
    public boolean pausesClock() {
        return this == FEE_REQUESTED || this == CLARIFICATION_REQUESTED;
    }

    /** The agency has answered in some way (met a "respond" or "acknowledge" deadline). */
    public boolean isAgencyResponse() {
        return this != DRAFT && this != FILED && this != WITHDRAWN;
    }

    /** The agency has decided the whole request: nothing statutory is pending any more. */
    public boolean isDecision() {
        return this == FULFILLED || this == NO_RESPONSIVE_RECORDS || this == DENIED;
    }

    /** Still open: a duplicate request to the same agency is worth a warning. */
    public boolean isActive() {
        return this != WITHDRAWN && !isDecision();
    }

    /** The stored codes of {@link #isActive()} statuses, for queries. */
    public static List<String> activeCodes() {
        return Arrays.stream(values()).filter(RequestStatus::isActive).map(RequestStatus::code).toList();
    }

    /**
     * The statuses a request in this one may move to. Appealing is possible before a decision
     * too: in deemed-denial states a missed deadline counts as a denial.
     */
    public Set<RequestStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(FILED, WITHDRAWN);
            case FILED -> EnumSet.of(ACKNOWLEDGED, PROCESSING, FEE_REQUESTED, CLARIFICATION_REQUESTED,
                    PARTIALLY_FULFILLED, FULFILLED, NO_RESPONSIVE_RECORDS, DENIED, APPEALED, WITHDRAWN);
            case ACKNOWLEDGED, PROCESSING -> EnumSet.of(PROCESSING, FEE_REQUESTED, CLARIFICATION_REQUESTED,
                    PARTIALLY_FULFILLED, FULFILLED, NO_RESPONSIVE_RECORDS, DENIED, APPEALED, WITHDRAWN);
            case FEE_REQUESTED, CLARIFICATION_REQUESTED -> EnumSet.of(PROCESSING, FEE_REQUESTED,
                    CLARIFICATION_REQUESTED, PARTIALLY_FULFILLED, FULFILLED, NO_RESPONSIVE_RECORDS, DENIED, WITHDRAWN);
            case PARTIALLY_FULFILLED -> EnumSet.of(PROCESSING, FEE_REQUESTED, CLARIFICATION_REQUESTED,
                    PARTIALLY_FULFILLED, FULFILLED, NO_RESPONSIVE_RECORDS, DENIED, APPEALED, WITHDRAWN);
            case FULFILLED, NO_RESPONSIVE_RECORDS, DENIED -> EnumSet.of(APPEALED);
            case APPEALED -> EnumSet.of(PROCESSING, PARTIALLY_FULFILLED, FULFILLED, NO_RESPONSIVE_RECORDS, DENIED,
                    WITHDRAWN);
            case WITHDRAWN -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean canMoveTo(RequestStatus target) {
        return next().contains(target);
    }
}
