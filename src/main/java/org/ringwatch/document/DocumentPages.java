package org.ringwatch.document;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
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

import java.util.List;

/** A document's page (metadata, review, the text of every page) and its file. Uploads: {@link DocumentUploadPages}. */
@Path("/documents")
@Produces(MediaType.TEXT_HTML)
public class DocumentPages {

    /** A page of text as the viewer may see it: withheld pages show no text to the public. */
    public record PageView(int number, String text, String source, boolean withheld, String flags) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance document(Document document, List<PageView> pages, boolean canReview,
                boolean canPublish, String problem);
    }

    private final DocumentService service;
    private final DocumentAccess access;
    private final Downloads downloads;
    private final CurrentAccount me;
    private final EntityManager em;

    public DocumentPages(DocumentService service, DocumentAccess access, Downloads downloads, CurrentAccount me,
            EntityManager em) {
        this.service = service;
        this.access = access;
        this.downloads = downloads;
        this.me = me;
        this.em = em;
    }

    @GET
    @Path("{id}")
    public TemplateInstance document(@PathParam("id") long id) {
        Document document = visible(id);
        return page(document, null);
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
        visible(id);
        service.publish(me.require(), id);
        return Flash.redirect("/documents/" + id, "Published: the document is public now.");
    }

    @POST
    @Path("{id}/withhold")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withhold(@PathParam("id") long id, @RestForm String reason) {
        Document document = visible(id);
        String problem = service.withhold(me.require(), id, reason);
        if (problem != null) {
            return Response.status(422).entity(page(document, problem)).build();
        }
        return Flash.redirect("/documents/" + id, "Withheld.");
    }

    @POST
    @Path("{id}/pages/{page}/withhold")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withholdPage(@PathParam("id") long id, @PathParam("page") int page, @RestForm boolean release) {
        visible(id);
        if (!service.withholdPage(me.require(), id, page, !release)) {
            return Flash.redirect("/documents/" + id, "This document has no page " + page + "; nothing changed.");
        }
        return Flash.redirect("/documents/" + id + "#page-" + page, release ? "Page released." : "Page withheld.");
    }

    private TemplateInstance page(Document document, String problem) {
        boolean review = access.canReview(document);
        return Templates.document(document, pages(document, review), review, access.canPublish(), problem);
    }

    List<PageView> pages(Document document, boolean review) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT page_number, text_content, text_source, withheld, personal_data_flags::text
                  FROM document_page WHERE document_id = ?1 ORDER BY page_number
                """).setParameter(1, document.id).getResultList();
        return rows.stream().map(r -> {
            boolean withheld = (Boolean) r[3];
            return new PageView(((Number) r[0]).intValue(), withheld && !review ? null : (String) r[1],
                    (String) r[2], withheld, review ? (String) r[4] : null);
        }).toList();
    }

    /** The document if the viewer may see it; 404 otherwise, so private ones do not reveal they exist. */
    private Document visible(long id) {
        return Document.findWithRequest(id).filter(access::canSee).orElseThrow(NotFoundException::new);
    }
}
