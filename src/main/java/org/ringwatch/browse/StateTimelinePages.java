package org.ringwatch.browse;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.pagecache.PublicPage;

/** One state's timeline: its agencies and agreements, the program's milestones. */
@PublicPage
@Path("/states/{code}/timeline")
@Produces(MediaType.TEXT_HTML)
public class StateTimelinePages {

    private final TimelineView view;

    public StateTimelinePages(TimelineView view) {
        this.view = view;
    }

    @GET
    public TemplateInstance state(@PathParam("code") String code) {
        return view.page(Place.of(code, null).orElseThrow(NotFoundException::new));
    }
}
