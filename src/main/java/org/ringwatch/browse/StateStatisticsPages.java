package org.ringwatch.browse;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.agreement.RequestStatistics;
import org.ringwatch.agreement.Statistic;
import org.ringwatch.pagecache.PublicPage;

/** How records requests go in one state, or in one city of it ({@code ?city=slug}). */
@PublicPage
@Path("/states/{code}/statistics")
@Produces(MediaType.TEXT_HTML)
public class StateStatisticsPages {

    private final RequestStatistics statistics;

    public StateStatisticsPages(RequestStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    public TemplateInstance state(@PathParam("code") String code, @QueryParam("city") String city) {
        Place place = Place.of(code, city).orElseThrow(NotFoundException::new);
        return StatisticsTemplates.statistics(place, statistics.of(place.scope()), Statistic.MIN_REQUESTS);
    }
}
