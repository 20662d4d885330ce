package org.ringwatch.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A day in a query parameter: YYYY-MM-DD, or absent; anything else a 400 naming the parameter. */
public final class QueryDates {

    private QueryDates() {
    }

    /** @return the day, or null when the parameter is absent or blank */
    public static LocalDate parse(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badParameter(parameter, parameter + " must be a day as YYYY-MM-DD; got '" + raw + "'");
        }
    }
}
