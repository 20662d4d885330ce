package org.ringwatch.agreement;

import java.util.Locale;

/**
 * A number a clause promises: devices, dollars, residents. Stored as numbers in the clause's
 * figures so that they can be summed across agreements.
 */
public enum Figure {
    DEVICES("Devices", false),
    DOLLARS_PER_DOWNLOAD("Dollars per app download", true),
    CITY_DOLLARS("City dollars", true),
    VENDOR_MATCH_DOLLARS("Vendor match, dollars", true),
    RESIDENTS("Residents", false),
    DISCOUNT_DOLLARS("Discount each, dollars", true);

    private final String label;
    private final boolean dollars;

    Figure(String label, boolean dollars) {
        this.label = label;
        this.dollars = dollars;
    }

    public String label() {
        return label;
    }

    /** Dollars have cents; counts are whole. */
    public boolean isDollars() {
        return dollars;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
