package org.ringwatch.api;

import jakarta.ws.rs.core.Response;

/** Thrown by API resources to answer with a problem+json of this status, title and detail. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String parameter;

    public ApiProblem(Response.Status status, String detail, String parameter) {
        super(detail);
        this.status = status.getStatusCode();
        this.title = status.getReasonPhrase();
        this.parameter = parameter;
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
}
