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

import java.util.List;

/**
 * One state's map (its counties zoomed to its outline) and the agencies of one county, under
 * {@code /states} beside {@link StatePages}: a county is known by its FIPS code, and one of
 * another state is not found.
 */
@Path("/states/{code}")
@Produces(MediaType.TEXT_HTML)
public class StateMapPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance state(StateShape state, MapView map);

        static native TemplateInstance county(StateShape state, CountyShape county, List<CountyAgency> agencies);
    }

    private final CountyFigures figures;

    public StateMapPages(CountyFigures figures) {
        this.figures = figures;
    }

    @GET
    @Path("map")
    public TemplateInstance state(@PathParam("code") String code) {
        StateShape state = stateOf(code);
        return Templates.state(state, MapView.state(Boundaries.us(), state, figures.byCounty(state.code())));
    }

    @GET
    @Path("counties/{fips}")
    public TemplateInstance county(@PathParam("code") String code, @PathParam("fips") String fips) {
        StateShape state = stateOf(code);
        CountyShape county = Boundaries.us().county(fips).filter(c -> c.stateCode().equals(state.code()))
                .orElseThrow(NotFoundException::new);
        return Templates.county(state, county, figures.agencies(state.code(), county.fips()));
    }

    private static StateShape stateOf(String code) {
        if (!code.matches("[A-Za-z]{2}")) {
            throw new NotFoundException();
        }
        return Boundaries.us().state(code).orElseThrow(NotFoundException::new);
    }
}
