package org.ringwatch.agreement;

import io.quarkus.qute.TemplateData;

import java.util.Locale;

/**
 * One figure of the request statistics and how many requests it is drawn from. The rule that a
 * figure drawn from fewer than {@link #MIN_REQUESTS} requests is "too few to say" lives here
 * only: {@link #value} is then null, in the page and in the JSON alike, and so is {@link #count},
 * since "1 of 4" would say the share anyway.
 */
@TemplateData
public record Statistic(Kind kind, Double value, Long count, long requests) {

    public static final int MIN_REQUESTS = 5;
    public static final String TOO_FEW = "too few to say";

    public enum Kind {
        /** Median days. */
        MEDIAN_DAYS,
        /** A fraction between 0 and 1 of {@code requests}. */
        SHARE
    }

    public static Statistic medianDays(Double median, long requests) {
        return requests < MIN_REQUESTS ? new Statistic(Kind.MEDIAN_DAYS, null, null, requests)
                : new Statistic(Kind.MEDIAN_DAYS, median, null, requests);
    }

    public static Statistic share(long count, long requests) {
        return requests < MIN_REQUESTS ? new Statistic(Kind.SHARE, null, null, requests)
                : new Statistic(Kind.SHARE, (double) count / requests, count, requests);
    }

    public boolean isTooFew() {
        return requests < MIN_REQUESTS;
    }

    /** "12 days", "12.5 days", "40% (2 of 5)" or "too few to say". */
    public String text() {
        if (isTooFew()) {
            return TOO_FEW;
        }
        if (kind == Kind.SHARE) {
            return Math.round(value * 100) + "% (" + count + " of " + requests + ")";
        }
        String days = value == Math.rint(value) ? String.valueOf(value.longValue())
                : String.format(Locale.ROOT, "%.1f", value);
        return days + (value == 1.0 ? " day" : " days");
    }
}
