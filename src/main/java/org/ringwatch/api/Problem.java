package org.ringwatch.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every API error.
 *
 * @param parameter the query or path parameter at fault, when one is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String parameter) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
