package org.ringwatch.agreement;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.ringwatch.api.ApiDocs;

/** The filters the agreements list and its clauses share, declared once for both and their reference. */
public class AgreementFilterParams {

    @Parameter(description = ApiDocs.STATE, example = ApiDocs.STATE_EXAMPLE)
    @QueryParam("state")
    String state;

    @Parameter(description = ApiDocs.AGENCY_KEY, example = ApiDocs.AGENCY_KEY_EXAMPLE)
    @QueryParam("agency")
    String agency;

    @Parameter(description = "A kind code, as /api/v1/agreements/vocabulary lists them", example = "mou")
    @QueryParam("kind")
    String kind;

    @Parameter(description = "Agreements with this clause on the paper, a code as /api/v1/agreements/vocabulary lists"
            + " them", example = "confidentiality")
    @QueryParam("clause")
    String clause;

    @Parameter(description = "With clause: present, struck, absent or unknown (default: present or struck)",
            example = "present")
    @QueryParam("clause_state")
    String clauseState;

    @Parameter(description = "Signed on or after this day, YYYY-MM-DD", example = "2018-01-01")
    @QueryParam("signed_from")
    String signedFrom;

    @Parameter(description = "Signed on or before this day, YYYY-MM-DD", example = "2020-12-31")
    @QueryParam("signed_to")
    String signedTo;

    AgreementList.Filter filter() {
        return AgreementList.Filter.of(state, agency, kind, clause, clauseState, signedFrom, signedTo);
    }
}
