package org.ringwatch.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * {@code Last-Modified} on an API record whose every field changes only with a timestamp we keep,
 * and the {@code If-Modified-Since} that answers 304 for it. Only such records carry it: a record
 * that changes with the calendar (a request's deadline) or with another record (an agreement with
 * its documents), and every list (a row leaving a page changes it without a newer timestamp), has
 * only its ETag, which is exact.
 */
public final class LastModified {

    private LastModified() {
    }

    /** {@code response} with {@code Last-Modified: changedAt} (whole seconds, as HTTP dates are). */
    public static Response.ResponseBuilder of(Response.ResponseBuilder response, OffsetDateTime changedAt) {
        return changedAt == null ? response : response.header(HttpHeaders.LAST_MODIFIED,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(changedAt.withOffsetSameInstant(ZoneOffset.UTC)));
    }

    /**
     * Whether an answer last modified at {@code lastModified} (its header) is no newer than the
     * client's {@code If-Modified-Since}; false when either is missing or not an HTTP date.
     */
    public static boolean notModifiedSince(String lastModified, String ifModifiedSince) {
        if (lastModified == null || ifModifiedSince == null) {
            return false;
        }
        try {
            OffsetDateTime modified = OffsetDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);
            OffsetDateTime since = OffsetDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return !modified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // RFC 9110: an invalid date is ignored, the full answer sent
        }
    }
}
