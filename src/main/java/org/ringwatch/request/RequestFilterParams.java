package org.ringwatch.request;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.ringwatch.api.ApiDocs;

/** The filters the requests list and its log entries share, declared once for both and their reference. */
public class RequestFilterParams {

    @Parameter(description = ApiDocs.AGENCY_KEY, example = ApiDocs.AGENCY_KEY_EXAMPLE)
    @QueryParam("agency")
    String agency;

    @Parameter(description = ApiDocs.STATE, example = ApiDocs.STATE_EXAMPLE)
    @QueryParam("state")
    String state;

    @Parameter(description = "A request status code (draft, filed, acknowledged, ...)", example = "filed")
    @QueryParam("status")
    String status;

    @Parameter(description = "true: only requests past their statutory due date; false: only those not",
            example = "true")
    @QueryParam("overdue")
    String overdue;

    RequestList.Filter filter() {
        return RequestList.Filter.of(agency, state, status, overdue);
    }
}
