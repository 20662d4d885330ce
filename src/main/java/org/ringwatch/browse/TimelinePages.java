package org.ringwatch.browse;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.pagecache.PublicPage;

/**
 * The program month by month across the country: a server-drawn SVG (no script, no web font)
 * with the same numbers in a table beside it, and the milestones with their sources.
 * {@link StateTimelinePages} draws a state's.
 */
@PublicPage
@Path("/timeline")
@Produces(MediaType.TEXT_HTML)
public class TimelinePages {

    private final TimelineView view;

    public TimelinePages(TimelineView view) {
        this.view = view;
    }

    @GET
    public TemplateInstance national() {
        return view.page(Place.national());
    }
}
