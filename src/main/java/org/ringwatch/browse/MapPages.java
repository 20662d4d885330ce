package org.ringwatch.browse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.agency.Boundaries;
import org.ringwatch.agreement.CountyFigures;
import org.ringwatch.pagecache.PublicPage;

/**
 * The national map: every county shaded by its Ring partner agencies and marked where an
 * agreement was obtained, every state's outline a link to its own map ({@link StateMapPages}).
 * Inline SVG drawn on the server, every shape a link, no script, tiles or fonts.
 */
@PublicPage
@Path("/map")
@Produces(MediaType.TEXT_HTML)
public class MapPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance national(MapView map);
    }

    private final CountyFigures figures;

    public MapPages(CountyFigures figures) {
        this.figures = figures;
    }

    @GET
    public TemplateInstance national() {
        return Templates.national(MapView.national(Boundaries.us(), figures.byCounty(null)));
    }
}
