package org.ringwatch.dump;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.ringwatch.account.Role;
import org.ringwatch.web.Flash;

import java.util.List;

/** The dumps on the moderation pages: the list, and an admin's button that makes today's now. */
@Path("/moderation/dumps")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.MODERATOR_NAME)
public class DumpPages {

    private static final Logger LOG = Logger.getLogger(DumpPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Dump> dumps, String problem);
    }

    private final DumpMaker maker;

    public DumpPages(DumpMaker maker) {
        this.maker = maker;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(Dump.newestFirst(), null);
    }

    /** Waits while the dump is made; a failure re-renders the page saying so, with nothing half-made listed. */
    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response make() {
        try {
            DumpMaker.Made made = maker.today();
            return Flash.redirect("/moderation/dumps", made.created() ? "Today's dump is made."
                    : "Today's dump existed already; there is one a day.");
        } catch (RuntimeException e) {
            LOG.error("A dump made from the moderation page failed", e);
            return Response.status(503).entity(Templates.index(Dump.newestFirst(),
                    "The dump could not be made; nothing was published. The log says why; try again later.")).build();
        }
    }
}
