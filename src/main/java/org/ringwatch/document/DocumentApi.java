package org.ringwatch.document;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.account.Role;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.request.RequestViews;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Documents for scripts: metadata, page text and bytes, review. Uploads: {@link DocumentUploadApi}. */
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents", description = "Files agencies sent, their pages and their review")
public class DocumentApi {

    public record DocumentJson(long id, long request, Long event, String name, String sha256, String type,
            String status, String statusReason, String visibility, Integer pageCount, Long duplicateOf,
            OffsetDateTime createdAt, String file, String page) {

        static DocumentJson of(Document d) {
            return new DocumentJson(d.id, d.request.id, d.event == null ? null : d.event.id, d.originalName,
                    d.blobSha256, d.fileType, d.status, d.statusReason, d.visibility, d.pageCount, d.duplicateOf,
                    d.createdAt, "/api/v1/documents/" + d.id + "/file", "/documents/" + d.id);
        }
    }

    public record PageJson(long document, int page, String text, String source, boolean withheld) {
    }

    public record Withholding(String reason) {
    }

    private final DocumentService service;
    private final DocumentAccess access;
    private final Downloads downloads;
    private final DocumentPages pages;
    private final CurrentAccount me;

    public DocumentApi(DocumentService service, DocumentAccess access, Downloads downloads, DocumentPages pages,
            CurrentAccount me) {
        this.service = service;
        this.access = access;
        this.downloads = downloads;
        this.pages = pages;
        this.me = me;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A document's metadata")
    public DocumentJson get(@PathParam("id") long id) {
        return DocumentJson.of(visible(id));
    }

    @GET
    @Path("{id}/pages/{n}")
    @Operation(summary = "The text of one page; withheld pages have no text for the public")
    public PageJson page(@PathParam("id") long id, @PathParam("n") int number) {
        Document document = visible(id);
        return pages.pages(document, access.canReview(document)).stream().filter(p -> p.number() == number)
                .findFirst().map(p -> new PageJson(id, number, p.text(), p.source(), p.withheld()))
                .orElseThrow(() -> ApiProblem.notFound("Document " + id + " has no page " + number + "."));
    }

    @GET
    @Path("{id}/file")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The file's bytes; supports Range and If-None-Match; verify=true re-hashes them first")
    public Response file(@PathParam("id") long id, @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String ifNoneMatch, @jakarta.ws.rs.QueryParam("verify") boolean verify) {
        return downloads.respond(visible(id), range, ifNoneMatch, verify);
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed(Role.MODERATOR_NAME)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Publish a document (moderators)")
    public DocumentJson publish(@PathParam("id") long id) {
        visible(id);
        service.publish(me.require(), id);
        return DocumentJson.of(reloaded(id));
    }

    @POST
    @Path("{id}/withhold")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Withhold a document with a reason (moderators)")
    public DocumentJson withhold(@PathParam("id") long id, Withholding body) {
        visible(id);
        String problem = service.withhold(me.require(), id, body == null ? null : body.reason());
        if (problem != null) {
            throw ApiProblem.invalid(Map.of("reason", problem));
        }
        return DocumentJson.of(reloaded(id));
    }

    /** The change was made in its own transaction; this request's session still holds the old state. */
    private Document reloaded(long id) {
        Document.getEntityManager().clear();
        return visible(id);
    }

    private Document visible(long id) {
        return Document.findWithRequest(id).filter(access::canSee)
                .orElseThrow(() -> ApiProblem.notFound("No document " + id + " that you may see."));
    }
}
