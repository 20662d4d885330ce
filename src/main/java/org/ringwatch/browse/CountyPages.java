package org.ringwatch.browse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.agency.Boundaries;
import org.ringwatch.agency.Boundaries.CountyShape;
import org.ringwatch.agency.Boundaries.StateShape;
import org.ringwatch.agreement.CountyFigures;
import org.ringwatch.agreement.CountyFigures.CountyAgency;
import org.ringwatch.pagecache.PublicPage;

import java.util.List;

/**
 * The partner agencies of one county, where a county's shape on the maps leads: known by its
 * FIPS code; a county of another state is not found.
 */
@PublicPage
@Path("/states/{code}/counties/{fips}")
@Produces(MediaType.TEXT_HTML)
public class CountyPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance county(StateShape state, CountyShape county, List<CountyAgency> agencies);
    }

    private final CountyFigures figures;

    public CountyPages(CountyFigures figures) {
        this.figures = figures;
    }

    @GET
    public TemplateInstance county(@PathParam("code") String code, @PathParam("fips") String fips) {
        StateShape state = MapView.stateOf(code);
        CountyShape county = Boundaries.us().county(fips).filter(c -> c.stateCode().equals(state.code()))
                .orElseThrow(NotFoundException::new);
        return Templates.county(state, county, figures.agencies(state.code(), county.fips()));
    }
}
