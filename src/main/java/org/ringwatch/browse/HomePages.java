package org.ringwatch.browse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.agency.AgencyDirectory;
import org.ringwatch.agency.AgencyDirectory.Headline;
import org.ringwatch.pagecache.PublicPage;
import org.ringwatch.state.State;

import java.util.List;

/** The front page: what RingWatch is, the headline figures, the ways in. */
@PublicPage
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Headline headline, List<State> states);
    }

    private final AgencyDirectory directory;

    public HomePages(AgencyDirectory directory) {
        this.directory = directory;
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(directory.headline(), State.places());
    }
}
