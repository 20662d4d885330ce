package org.ringwatch.api;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters every list of the API takes besides its filters and its cursor (whose
 * example differs per list): how many, in which format, a page or all. Declared once, so each
 * list and its reference say the same.
 */
public class ListParams {

    @Parameter(description = ApiDocs.LIMIT, example = ApiDocs.LIMIT_EXAMPLE)
    @QueryParam("limit")
    String limit;

    @Parameter(description = ApiDocs.FORMAT, example = ApiDocs.FORMAT_EXAMPLE)
    @QueryParam("format")
    String format;

    @Parameter(description = ApiDocs.ALL, example = ApiDocs.ALL_EXAMPLE)
    @QueryParam("all")
    String all;

    /** How the client asked, from these, its cursor and its Accept header; a bad value is a 400 naming it. */
    public ListResponses.Ask ask(String cursor, HttpHeaders headers) {
        return ListResponses.Ask.of(ListFormat.of(format, headers), all, cursor, limit);
    }

    /** {@link #ask}, for a short list whose every row fits one page unless the client asks for less. */
    public ListResponses.Ask ask(String cursor, HttpHeaders headers, int wholeList) {
        ListResponses.Ask ask = ask(cursor, headers);
        return limit == null || limit.isBlank()
                ? new ListResponses.Ask(ask.format(), ask.all(), ask.cursor(), wholeList) : ask;
    }
}
