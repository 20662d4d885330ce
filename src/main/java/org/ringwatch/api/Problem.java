package org.ringwatch.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every API error.
 *
 * @param parameter the query or path parameter at fault, when one is
 * @param errors    for a body that failed validation: each field at fault and what is wrong with it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String parameter,
        java.util.Map<String, String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String instance, String parameter) {
        this(type, title, status, detail, instance, parameter, null);
    }
}
