package org.ringwatch.agreement;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The fixed lists an agreement's fields are chosen from: stored and sent in JSON by {@link Coded#code()}. */
public final class Vocabulary {

    private Vocabulary() {
    }

    /** A value of a fixed list: its stored code ("acknowledgement_form") and its label for people. */
    public interface Coded {
        String name();

        String label();

        default String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The value whose code is {@code code} (case and surrounding space ignored), if any. */
    public static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.code().equals(wanted)).findFirst();
    }

    /** What kind of paper it is; design.md §1a lists the generations known. */
    public enum Kind implements Coded {
        MOU("Memorandum of understanding"),
        ACKNOWLEDGEMENT_FORM("Acknowledgement form"),
        PORTAL_TERMS("Portal terms of service"),
        SUBSIDY_PROGRAM("Camera subsidy program"),
        DATA_SHARING("Data-sharing agreement"),
        COMMUNITY_REQUESTS_INTEGRATION("Community Requests integration"),
        COUNCIL_RESOLUTION("Council resolution"),
        OTHER("Other");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Who signed on the vendor's side. */
    public enum Counterparty implements Coded {
        RING_INC("Ring Inc."),
        RING_LLC("Ring LLC"),
        AMAZON("Amazon"),
        AXON("Axon"),
        FLOCK("Flock Safety"),
        OTHER("Other");

        private final String label;

        Counterparty(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** How it was signed. */
    public enum Execution implements Coded {
        INK("Signed in ink"),
        DOCUSIGN("Signed with DocuSign"),
        CLICK_THROUGH("Accepted online (click-through)"),
        UNKNOWN("Unknown");

        private final String label;

        Execution(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Why it ended, when it did. */
    public enum EndReason implements Coded {
        AGENCY_LEFT("The agency left"),
        PROGRAM_RETIRED("The program was retired"),
        SUPERSEDED("Superseded by a later agreement"),
        UNKNOWN("Unknown");

        private final String label;

        EndReason(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /**
     * The dates an agreement can carry. "Active on Ring's portal" is not one of them: it is a
     * partnership fact of the agency, and the two must never overwrite each other.
     */
    public enum DateKind implements Coded {
        SIGNED("Signed"),
        APPROVED("Approved"),
        ANNOUNCED("Announced"),
        EFFECTIVE("Effective"),
        ENDED("Ended");

        private final String label;

        DateKind(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** What a copy of the agreement says about a clause. */
    public enum ClauseState implements Coded {
        PRESENT("Present"),
        ABSENT("Absent"),
        STRUCK("Struck out in the signed copy"),
        UNKNOWN("Unknown");

        private final String label;

        ClauseState(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }

        /** Present and struck clauses are on the paper, so they are quoted and cited. */
        public boolean isQuoted() {
            return this == PRESENT || this == STRUCK;
        }
    }
}
