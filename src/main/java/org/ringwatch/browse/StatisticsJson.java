package org.ringwatch.browse;

import org.ringwatch.agreement.RequestStatistics.Figures;
import org.ringwatch.agreement.Statistic;

/**
 * The request statistics of one place as JSON, over public requests only. Medians are calendar
 * days from filing; shares are fractions (0 to 1) of the decided requests. {@code state} and
 * {@code city} are null for the whole country.
 */
public record StatisticsJson(String state, String city, int minRequests, long publicRequests, long decidedRequests,
        Value medianDaysToFirstAnswer, Value medianDaysToDecision, Value shareAgreementObtained, Value shareNoRecords,
        Value shareDenied) {

    /**
     * One figure and the number of requests behind it. {@code value} is null and {@code too_few}
     * true when fewer than {@code min_requests} requests are behind it; a share's {@code count}
     * is then null too.
     */
    public record Value(Double value, Long count, long requests, boolean tooFew) {
        static Value of(Statistic statistic) {
            return new Value(statistic.value(), statistic.count(), statistic.requests(), statistic.isTooFew());
        }
    }

    static StatisticsJson of(Place place, Figures figures) {
        return new StatisticsJson(place.state() == null ? null : place.state().code, place.scope().cityName(),
                Statistic.MIN_REQUESTS, figures.publicRequests(), figures.decided(),
                Value.of(figures.daysToFirstAnswer()), Value.of(figures.daysToDecision()),
                Value.of(figures.agreementObtained()), Value.of(figures.noRecords()), Value.of(figures.denied()));
    }
}
