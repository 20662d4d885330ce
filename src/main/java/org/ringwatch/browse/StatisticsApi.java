package org.ringwatch.browse;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.agreement.RequestStatistics;

/** The request statistics of the whole country as JSON; {@link StateStatisticsApi} has a state's. */
@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "How public records requests go")
public class StatisticsApi {

    private final RequestStatistics statistics;

    public StatisticsApi(RequestStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @Operation(summary = "How public records requests go, nationally",
            description = "A figure drawn from fewer than min_requests requests has a null value and too_few true.")
    public StatisticsJson national() {
        Place place = Place.national();
        return StatisticsJson.of(place, statistics.of(place.scope()));
    }
}
