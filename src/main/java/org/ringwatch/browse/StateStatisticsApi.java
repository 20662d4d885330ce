package org.ringwatch.browse;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.agreement.RequestStatistics;
import org.ringwatch.api.ApiProblem;

/** The request statistics of one state, or one city of it, as JSON. */
@Path("/api/v1/states/{code}/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "How public records requests go")
public class StateStatisticsApi {

    private final RequestStatistics statistics;

    public StateStatisticsApi(RequestStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @Operation(summary = "How public records requests go in one state, or one city of it",
            description = "A figure drawn from fewer than min_requests requests has a null value and too_few true.")
    @APIResponse(responseCode = "404", description = "No state has that code, or the state has no city with that slug")
    public StatisticsJson state(@Parameter(description = "USPS code (OR, DC); any case", example = "IL")
            @PathParam("code") String code,
            @Parameter(description = "A city's slug, as in /states/{code}/cities/{slug}; leave it out for the whole"
                    + " state", example = "aurora") @QueryParam("city") String city) {
        Place place = Place.of(code, city).orElseThrow(() -> ApiProblem.notFound("No state has the code '" + code
                + "'" + (city == null ? "" : ", or it has no city '" + city + "'") + "."));
        return StatisticsJson.of(place, statistics.of(place.scope()));
    }
}
