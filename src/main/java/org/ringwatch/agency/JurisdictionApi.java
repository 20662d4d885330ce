package org.ringwatch.agency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.api.ApiDocs;
import org.ringwatch.api.ListParams;
import org.ringwatch.api.ListResponses;
import org.ringwatch.api.Problem;
import org.ringwatch.platform.RingWatchConfig;
import org.ringwatch.state.State;

/** Cities and counties, the places the site is browsed by. */
@Path("/api/v1/jurisdictions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies")
public class JurisdictionApi {

    private final JurisdictionList jurisdictions;
    private final RingWatchConfig config;
    private final ObjectMapper json;

    public JurisdictionApi(JurisdictionList jurisdictions, RingWatchConfig config, ObjectMapper json) {
        this.jurisdictions = jurisdictions;
        this.config = config;
        this.json = json;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson"})
    @Operation(summary = "Cities and counties, in state and slug order, with how many agencies each has",
            description = "A city's agencies sit in it; a county's serve it. Follow \"next\" until it is null; CSV and"
                    + " NDJSON as for every list; all=true for the whole filtered list. Reference data: no"
                    + " updated_since (it changes only when the seed does).")
    @APIResponse(responseCode = "400", description = "A bad state, kind, limit, cursor, format or all; \"parameter\" names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = ApiDocs.STATE, example = ApiDocs.STATE_EXAMPLE) @QueryParam("state") String state,
            @Parameter(description = "city or county", example = "city") @QueryParam("kind") String kind,
            @Parameter(description = "Part of the name; case- and accent-insensitive", example = "aurora")
            @QueryParam("q") String q,
            @Parameter(description = ApiDocs.CURSOR, example = "djEfSUwfYXVyb3Jh") @QueryParam("cursor") String cursor,
            @BeanParam ListParams paging,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        ListResponses.Ask ask = paging.ask(cursor, headers);
        String stateCode = State.parameter(state);
        String wanted = JurisdictionList.kind(kind);
        String nameQuery = q == null || q.isBlank() ? null : q.strip();
        return ListResponses.respond(ask, new ListResponses.Shape<>((after, size) -> jurisdictions.page(stateCode,
                wanted, nameQuery, after, size), item -> item, JurisdictionList.Item.class, JurisdictionList::cursorOf),
                uri, config, json);
    }
}
