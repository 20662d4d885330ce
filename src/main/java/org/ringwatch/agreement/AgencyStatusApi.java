package org.ringwatch.agreement;

import org.ringwatch.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.agency.Agency;
import org.ringwatch.api.ApiProblem;

import java.time.LocalDate;
import java.util.List;

/** An agency's agreement status in the API, as its page shows it: derived, the same for everyone. */
@Path("/api/v1/agencies/{state}/{slug}/agreement-status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements")
public class AgencyStatusApi {

    private final AgreementStatuses statuses;

    public AgencyStatusApi(AgreementStatuses statuses) {
        this.statuses = statuses;
    }

    /**
     * {@code status} is {@code obtained}, {@code asked}, {@code no_agreement},
     * {@code withheld} or {@code not_asked}; {@code request} is the request it derives from.
     */
    public record StatusJson(String agency, String status, String label, List<Long> agreements, Long request,
            String requestPage, LocalDate dueDate, String exemption) {
    }

    @GET
    @Operation(summary = "The agency's agreement status: obtained, asked, no agreement exists, withheld or not yet asked")
    @APIResponse(responseCode = "404", description = "No such agency")
    public StatusJson get(@Parameter(description = ApiDocs.STATE, example = ApiDocs.STATE_EXAMPLE)
            @PathParam("state") String state,
            @Parameter(description = ApiDocs.SLUG, example = ApiDocs.SLUG_EXAMPLE) @PathParam("slug") String slug) {
        Agency agency = Agency.findBySlug(state, slug)
                .orElseThrow(() -> ApiProblem.notFound("No agency " + state + "/" + slug + "."));
        AgreementStatus status = statuses.of(agency);
        return new StatusJson(agency.stateCode + "/" + agency.slug, status.kind().code(), status.kind().label(),
                status.agreements().stream().map(a -> a.id).toList(),
                status.request() == null ? null : status.request().id,
                status.request() == null ? null : "/requests/" + status.request().id, status.dueDate(),
                status.exemption());
    }
}
