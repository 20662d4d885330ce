package org.ringwatch.document;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.account.Role;
import org.ringwatch.web.Flash;

import java.net.URI;
import java.util.List;

/** A document's page (metadata, review, the text of every page) and its file. Uploads: {@link DocumentUploadPages}. */
@Path("/documents")
@Produces(MediaType.TEXT_HTML)
public class DocumentPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance document(DocumentView view, List<PageText> pages, boolean canPublish,
                List<PersonalDataFlag> flags, int unresolved, Clearing clearing, String problem);
    }

    /** A clearance the moderator tried that was refused: the item, what they typed, and why. */
    public record Clearing(int page, String flag, String note, String problem) {

        static final Clearing NONE = new Clearing(0, "", "", null);

        public boolean of(PersonalDataFlag item) {
            return item.page() == page && item.flag().equals(flag);
        }
    }

    private final DocumentService service;
    private final PersonalDataReview personalData;
    private final DocumentAccess access;
    private final Downloads downloads;
    private final CurrentAccount me;

    public DocumentPages(DocumentService service, PersonalDataReview personalData, DocumentAccess access,
            Downloads downloads, CurrentAccount me) {
        this.service = service;
        this.personalData = personalData;
        this.access = access;
        this.downloads = downloads;
        this.me = me;
    }

    @GET
    @Path("{id}")
    public Response document(@PathParam("id") long id) {
        return page(visible(id), 200, Clearing.NONE, null);
    }

    /** A citation by the file's SHA-256 (what anyone holding the file can compute) leads to its page. */
    @GET
    @Path("sha256/{hash}")
    public Response byHash(@PathParam("hash") String hash) {
        if (!DocumentAccess.SHA256.matcher(hash).matches()) {
            throw new BadRequestException("A SHA-256 is 64 hexadecimal digits.");
        }
        DocumentView view = access.findByFileHash(hash).orElseThrow(NotFoundException::new);
        return Response.seeOther(URI.create("/documents/" + view.document().id)).build();
    }

    @GET
    @Path("{id}/file")
    public Response file(@PathParam("id") long id, @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return downloads.respond(visible(id), range, ifNoneMatch, false);
    }

    @GET
    @Path("{id}/thumbnail")
    @Produces("image/png")
    public Response thumbnail(@PathParam("id") long id) {
        return downloads.thumbnail(visible(id));
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") long id) {
        DocumentView view = visible(id);
        String problem = service.publish(me.require(), id);
        if (problem != null) {
            return page(view, 409, Clearing.NONE, problem);
        }
        return Flash.redirect("/documents/" + id, "Published: the document is public now.");
    }

    @POST
    @Path("{id}/withhold")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withhold(@PathParam("id") long id, @RestForm String reason) {
        DocumentView view = visible(id);
        String problem = service.withhold(me.require(), id, reason);
        if (problem != null) {
            return page(view, 422, Clearing.NONE, problem);
        }
        return Flash.redirect("/documents/" + id, "Withheld.");
    }

    @POST
    @Path("{id}/pages/{page}/withhold")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withholdPage(@PathParam("id") long id, @PathParam("page") int page, @RestForm boolean release,
            @RestForm String reason) {
        DocumentView view = visible(id);
        DocumentService.PageChange change = release ? service.releasePage(me.require(), id, page)
                : service.withholdPage(me.require(), id, page, reason);
        return switch (change) {
            case NO_REASON, REASON_TOO_LONG -> page(view, 422, Clearing.NONE, "Page " + page + ": " + change.problem);
            case NO_SUCH_PAGE -> Flash.redirect("/documents/" + id, "Page " + page + ": " + change.problem);
            case DONE -> Flash.redirect("/documents/" + id + "#page-" + page, release ? "Page released."
                    : "Page withheld; what the public gets now is said under “The public”.");
        };
    }

    /**
     * Clears a personal-data item with the moderator's note ("an officer's work address"), or
     * takes the clearance back ({@code reopen}).
     */
    @POST
    @Path("{id}/pages/{page}/personal-data")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response clearPersonalData(@PathParam("id") long id, @PathParam("page") int page, @RestForm String flag,
            @RestForm String note, @RestForm boolean reopen) {
        DocumentView view = visible(id);
        PersonalDataReview.Clearance clearance = reopen ? personalData.reopen(me.require(), id, page, flag)
                : personalData.clear(me.require(), id, page, flag, note);
        return switch (clearance) {
            case NO_NOTE, NOTE_TOO_LONG -> page(view, 422, new Clearing(page, flag, note == null ? "" : note, clearance.problem), null);
            case NO_SUCH_FLAG -> Flash.redirect("/documents/" + id + "#review", clearance.problem);
            case DONE -> Flash.redirect("/documents/" + id + "#review", reopen ? "To check again."
                    : "Cleared: not personal data.");
        };
    }

    private Response page(DocumentView view, int status, Clearing clearing, String problem) {
        boolean canPublish = access.canPublish();
        List<PersonalDataFlag> flags = view.review() ? PersonalDataFlag.of(view.document().id) : List.of();
        int unresolved = (int) flags.stream().filter(f -> !f.resolved()).count();
        return DocumentView.privateUnlessPublic(Response.status(status).entity(Templates.document(view,
                PageText.of(view), canPublish, flags, unresolved, clearing, problem)), view).build();
    }

    /** The document as the viewer may see it; 404 otherwise, so private ones do not reveal they exist. */
    private DocumentView visible(long id) {
        return access.find(id).orElseThrow(NotFoundException::new);
    }
}
