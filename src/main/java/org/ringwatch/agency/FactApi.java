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

/** Every agency's Ring partnership facts with their sources, as one list. */
@Path("/api/v1/facts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies")
public class FactApi {

    private final FactList facts;
    private final RingWatchConfig config;
    private final ObjectMapper json;

    public FactApi(FactList facts, RingWatchConfig config, ObjectMapper json) {
        this.facts = facts;
        this.config = config;
        this.json = json;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson"})
    @Operation(summary = "Partnership facts of every agency, each with its source and licence, by id",
            description = "The same facts GET /api/v1/agencies/{state}/{slug} gives one agency; date is ISO at its"
                    + " precision (2020-09 for a month) and from/to compare with its first day. Follow \"next\" until"
                    + " it is null; CSV and NDJSON as for every list; all=true for the whole filtered list. Sync an"
                    + " agency's facts through GET /api/v1/agencies?updated_since=, which a new or changed fact moves.")
    @APIResponse(responseCode = "400", description = "A bad filter, limit, cursor, format or all; \"parameter\" names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = ApiDocs.STATE, example = ApiDocs.STATE_EXAMPLE) @QueryParam("state") String state,
            @Parameter(description = ApiDocs.AGENCY_KEY, example = ApiDocs.AGENCY_KEY_EXAMPLE)
            @QueryParam("agency") String agency,
            @Parameter(description = "portal_active, agreement_signed, council_approval, announced or ended",
                    example = "portal_active") @QueryParam("kind") String kind,
            @Parameter(description = "On or after this day", example = "2019-01-01") @QueryParam("from") String from,
            @Parameter(description = "On or before this day", example = "2020-12-31") @QueryParam("to") String to,
            @Parameter(description = ApiDocs.CURSOR, example = "djEfMTIw") @QueryParam("cursor") String cursor,
            @BeanParam ListParams paging,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        ListResponses.Ask ask = paging.ask(cursor, headers);
        FactList.Filters filters = FactList.Filters.of(state, agency, kind, from, to);
        return ListResponses.respond(ask, new ListResponses.Shape<>((after, size) -> facts.page(filters, after, size),
                item -> item, FactList.Item.class, FactList::cursorOf), uri, config, json);
    }
}
