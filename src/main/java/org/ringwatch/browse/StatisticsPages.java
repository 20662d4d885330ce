package org.ringwatch.browse;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.agreement.RequestStatistics;
import org.ringwatch.agreement.Statistic;
import org.ringwatch.pagecache.PublicPage;

/** How records requests go across the country; {@link StateStatisticsPages} has a state's. */
@PublicPage
@Path("/statistics")
@Produces(MediaType.TEXT_HTML)
public class StatisticsPages {

    private final RequestStatistics statistics;

    public StatisticsPages(RequestStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    public TemplateInstance national() {
        Place place = Place.national();
        return StatisticsTemplates.statistics(place, statistics.of(place.scope()), Statistic.MIN_REQUESTS);
    }
}
