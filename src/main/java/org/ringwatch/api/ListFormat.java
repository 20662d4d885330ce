package org.ringwatch.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.Locale;

/**
 * The formats every list of the API answers in: JSON (the default), CSV and NDJSON. A browser
 * link says {@code format=csv}; a client says {@code Accept: text/csv} or
 * {@code application/x-ndjson}. The parameter wins over the header.
 */
public enum ListFormat {
    JSON(MediaType.APPLICATION_JSON),
    CSV("text/csv; charset=UTF-8"),
    NDJSON("application/x-ndjson");

    /** For {@code @Produces} on every list method, so content negotiation lets all three through. */
    public static final String[] MEDIA_TYPES = {MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson"};

    public final String mediaType;

    ListFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public static ListFormat of(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "csv" -> CSV;
                case "ndjson" -> NDJSON;
                default -> throw ApiProblem.badParameter("format",
                        "format must be json, csv or ndjson; got '" + format + "'");
            };
        }
        // Already in the client's order of preference (quality, then specificity).
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                return JSON;
            }
            String type = accepted.getType() + "/" + accepted.getSubtype();
            switch (type.toLowerCase(Locale.ROOT)) {
                case "application/json":
                    return JSON;
                case "text/csv":
                    return CSV;
                case "application/x-ndjson":
                    return NDJSON;
                default:
                    break;
            }
        }
        return JSON;
    }
}
