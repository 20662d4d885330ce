package org.ringwatch.browse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.agency.Boundaries;
import org.ringwatch.agency.Boundaries.StateShape;
import org.ringwatch.agreement.CountyFigures;
import org.ringwatch.pagecache.PublicPage;

/** One state's map: its counties, zoomed to the state's outline, each a link to {@link CountyPages}. */
@PublicPage
@Path("/states/{code}/map")
@Produces(MediaType.TEXT_HTML)
public class StateMapPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance state(StateShape state, MapView map);
    }

    private final CountyFigures figures;

    public StateMapPages(CountyFigures figures) {
        this.figures = figures;
    }

    @GET
    public TemplateInstance state(@PathParam("code") String code) {
        StateShape state = MapView.stateOf(code);
        return Templates.state(state, MapView.state(Boundaries.us(), state, figures.byCounty(state.code())));
    }
}
