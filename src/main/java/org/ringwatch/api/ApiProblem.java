package org.ringwatch.api;

import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Thrown by API resources to answer with a problem+json of this status, title and detail. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String parameter;
    private final Map<String, String> errors;

    public ApiProblem(Response.Status status, String detail, String parameter) {
        this(status.getStatusCode(), status.getReasonPhrase(), detail, parameter, null);
    }

    private ApiProblem(int status, String title, String detail, String parameter, Map<String, String> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.parameter = parameter;
        this.errors = errors;
    }

    /** 422: the body was read but its fields are wrong; {@code errors} says which and why. */
    public static ApiProblem invalid(Map<String, String> errors) {
        return new ApiProblem(422, "Unprocessable Content", "Some fields are not valid: " + String.join(", ",
                errors.keySet()) + ".", null, errors);
    }

    public static ApiProblem of(int status, String title, String detail) {
        return new ApiProblem(status, title, detail, null, null);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(Response.Status.NOT_FOUND, detail, null);
    }

    /** A bad query or path parameter; the detail says what a good one looks like. */
    public static ApiProblem badParameter(String parameter, String detail) {
        return new ApiProblem(Response.Status.BAD_REQUEST, detail, parameter);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String parameter() {
        return parameter;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
