package org.ringwatch.request;

import org.ringwatch.state.RecordsLaw;

/**
 * What the deadline reckoning needs from a public-records law. A null number of days means
 * the law sets none for that stage.
 *
 * @param secondFromAcknowledgment the second stage counts from the agency's first response,
 *                                 not from filing ("15 business days after acknowledgment")
 * @param missedDeadlineIsDenial   a missed deadline counts as a denial, which opens an appeal
 */
public record LawTerms(String lawName, String citation, Integer firstDays, String firstDayType, Integer secondDays,
        String secondDayType, boolean secondFromAcknowledgment, boolean missedDeadlineIsDenial, String appeal) {

    public static LawTerms of(RecordsLaw law) {
        return new LawTerms(law.lawName, law.citation, law.firstDeadlineDays, law.firstDeadlineDayType,
                law.secondDeadlineDays, law.secondDeadlineDayType, law.secondDeadlineFromAcknowledgment,
                law.missedDeadlineIsDenial, law.administrativeAppeal);
    }

    public boolean hasDeadline() {
        return firstDays != null || secondDays != null;
    }

    public boolean twoStages() {
        return firstDays != null && secondDays != null;
    }

    /** "within 5 business days, as N.Y. Pub. Off. Law § 89(3)(a) requires". */
    public String deadlinePhrase() {
        if (!hasDeadline()) {
            return "promptly (the law sets no number of days)";
        }
        String first = firstDays == null ? null : days(firstDays, firstDayType);
        String second = secondDays == null ? null : days(secondDays, secondDayType);
        String span = first != null && second != null
                ? "within " + first + ", and to complete the response within " + second
                + (secondFromAcknowledgment ? " of that first response" : " of receipt")
                : "within " + (first != null ? first : second);
        return span + ", as " + citation + " requires";
    }

    static String days(int days, String type) {
        return days + " " + type + (days == 1 ? " day" : " days");
    }
}
