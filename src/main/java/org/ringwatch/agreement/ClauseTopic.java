package org.ringwatch.agreement;

import java.util.List;

/**
 * The fixed vocabulary of clauses, learned from the MOUs and forms released so far
 * (design.md §1a). A fixed list, so that agreements can be compared and counted clause by clause.
 */
public enum ClauseTopic implements Vocabulary.Coded {
    AGENCY_PROMOTES_APP("The agency promotes the app"),
    VENDOR_APPROVES_STATEMENTS("The vendor approves the agency's statements"),
    AGENCY_APPROVES_PRESS_RELEASES("The agency approves the vendor's press releases"),
    CONFIDENTIALITY("Terms kept confidential"),
    FREE_DEVICES("Free devices", Figure.DEVICES),
    DOWNLOAD_CREDIT("Credit per app download", Figure.DOLLARS_PER_DOWNLOAD),
    SUBSIDY("Subsidy", Figure.CITY_DOLLARS, Figure.VENDOR_MATCH_DOLLARS, Figure.RESIDENTS, Figure.DISCOUNT_DOLLARS),
    CALL_DATA_SHARED("Call-log or CAD data shared with the vendor"),
    DESIGNATED_ROLES("Designated roles"),
    TRAINING_AND_SUPPORT("Training and support"),
    VIDEO_REQUESTS("How video is requested"),
    VIDEO_RETENTION("Retention of video obtained"),
    OPEN_RECORDS("Open-records provision"),
    NON_BINDING("\u201cNon-binding\u201d statement"),
    TERM("Term"),
    TERMINATION("Termination");

    private final String label;
    private final List<Figure> figures;

    ClauseTopic(String label, Figure... figures) {
        this.label = label;
        this.figures = List.of(figures);
    }

    @Override
    public String label() {
        return label;
    }

    /** The clause a figure belongs to: the list behind a sum is the agreements with that clause present. */
    public static ClauseTopic carrying(Figure figure) {
        return java.util.Arrays.stream(values()).filter(t -> t.figures.contains(figure)).findFirst().orElseThrow();
    }

    /** The numbers this clause may carry; most carry none. */
    public List<Figure> figures() {
        return figures;
    }
}
