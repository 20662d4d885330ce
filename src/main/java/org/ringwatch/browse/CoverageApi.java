package org.ringwatch.browse;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.agreement.AgencyStatusList;
import org.ringwatch.agreement.AgencyStatusList.Coverage;
import org.ringwatch.agreement.AgencyStatusList.Filter;
import org.ringwatch.api.ApiDocs;
import org.ringwatch.api.Cursor;
import org.ringwatch.api.ListParams;
import org.ringwatch.api.ListResponses;
import org.ringwatch.platform.RingWatchConfig;

import java.util.Comparator;
import java.util.List;

/**
 * Coverage for scripts: per state (a list, in every format) and for the nation, the same figures
 * as /coverage, each with the address of the agencies behind it.
 */
@Path("/api/v1/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "How many partner agencies were asked for their agreement, and what came of it")
public class CoverageApi {

    /** The agencies behind each figure: the coverage list pages. */
    public record Lists(String agencies, String asked, String waiting, String obtained, String noAgreement,
            String withheld, String notAsked) {

        static Lists of(Coverage c) {
            return new Lists(c.link(Filter.ALL), c.link(Filter.ASKED), c.link(Filter.WAITING), c.link(Filter.OBTAINED),
                    c.link(Filter.NO_AGREEMENT), c.link(Filter.WITHHELD), c.link(Filter.NOT_ASKED));
        }
    }

    /**
     * One state's figures (state null: the nation's). Shares are of the partner agencies, 0 to 1,
     * null when there are none.
     */
    public record CoverageJson(String state, String stateName, long partnerAgencies, long asked, long waiting,
            long obtained, long noAgreement, long withheld, long notAsked, Double shareAsked, Double shareObtained,
            Double shareNotAsked, Lists lists) {

        static CoverageJson of(Coverage c) {
            return new CoverageJson(c.stateCode(), c.stateName(), c.agencies(), c.asked(), c.waiting(), c.obtained(),
                    c.noAgreement(), c.withheld(), c.notAsked(), share(c.asked(), c.agencies()),
                    share(c.obtained(), c.agencies()), share(c.notAsked(), c.agencies()), Lists.of(c));
        }

        private static Double share(long part, long whole) {
            return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
        }
    }

    private final AgencyStatusList statuses;
    private final RingWatchConfig config;
    private final ObjectMapper json;

    public CoverageApi(AgencyStatusList statuses, RingWatchConfig config, ObjectMapper json) {
        this.statuses = statuses;
        this.config = config;
        this.json = json;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson"})
    @Operation(summary = "Coverage per state, in state order",
            description = "Every state with partner agencies: how many were asked, are waiting, gave an agreement,"
                    + " have none, withheld it, or were not asked yet. All states fit one page at the default limit.")
    public Response states(
            @Parameter(description = ApiDocs.CURSOR, example = "djEfSUw") @QueryParam("cursor") String cursor,
            @BeanParam ListParams paging,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        ListResponses.Ask ask = paging.ask(cursor, headers);
        // Some fifty rows from one grouped query: the page is cut from them, after the cursor's state.
        List<Coverage> states = statuses.coverage().states().stream()
                .sorted(Comparator.comparing(Coverage::stateCode)).toList();
        ListResponses.Source<Coverage> rows = (after, size) -> {
            String from = after == null ? "" : Cursor.decode(after, 1).get(0);
            return states.stream().filter(c -> c.stateCode().compareTo(from) > 0).limit(size).toList();
        };
        return ListResponses.respond(ask, new ListResponses.Shape<>(rows, CoverageJson::of, CoverageJson.class,
                c -> Cursor.encode(c.stateCode())), uri, config, json);
    }

    @GET
    @Path("national")
    @Operation(summary = "Coverage of the whole country")
    public CoverageJson national() {
        return CoverageJson.of(statuses.coverage().total());
    }
}
