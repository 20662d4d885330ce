package org.ringwatch.document;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.web.Flash;
import org.ringwatch.web.MalformedUpload;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form for a document obtained outside RingWatch (council minutes, a newspaper's published
 * copy of an MOU) as evidence about an agency; works without JavaScript. A mistake shows the form
 * again with each field's message and what was typed; the file has to be chosen again, since a
 * browser never fills a file input back in.
 */
@Path("/agencies/{id}/documents")
@Produces(MediaType.TEXT_HTML)
public class OutsideDocumentPages {

    /** The file input's name, and the key of its message. */
    static final String FILE_FIELD = UploadForm.FILE_FIELD;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Agency agency, String sourceUrl, String publisher,
                Map<String, String> errors);
    }

    private final DocumentService service;
    private final CurrentAccount me;
    private final StreamedUploads uploads;

    public OutsideDocumentPages(DocumentService service, CurrentAccount me, StreamedUploads uploads) {
        this.service = service;
        this.me = me;
        this.uploads = uploads;
    }

    @GET
    @Path("new")
    @RolesAllowed(Role.VOLUNTEER_NAME)
    public TemplateInstance form(@PathParam("id") long agencyId) {
        return Templates.form(agency(agencyId), "", "", Map.of());
    }

    @POST
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes({MediaType.MULTIPART_FORM_DATA, StreamedUploads.MEDIA_TYPE})
    public Response upload(@PathParam("id") long agencyId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) throws MalformedUpload {
        Agency agency = agency(agencyId);
        OutsideSource source;
        DocumentService.Result result;
        try (UploadForm form = uploads.formBody(body, contentType, OutsideSource.URL_FIELD,
                OutsideSource.PUBLISHER_FIELD)) {
            if (form == null) {
                return Response.status(400).build();
            }
            source = OutsideSource.of(form);
            result = service.attachOutside(me.require(), agency.id, source, form.uploads());
        }
        if (result.failed()) {
            return Response.status(result.tooLarge() ? 413 : 422)
                    .entity(Templates.form(agency, source.url(), source.publisher(), byField(result.errors())))
                    .build();
        }
        return Flash.redirect("/documents/" + result.documents().get(0).id,
                "Uploaded; the text is being read. A moderator reviews it before it is public.");
    }

    /**
     * The service's messages by form field: the source's under their own fields, the files'
     * (keyed by file name) under the file input, which also says to choose the file again.
     */
    private static Map<String, String> byField(Map<String, String> errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder file = new StringBuilder();
        errors.forEach((key, message) -> {
            if (key.equals(OutsideSource.URL_FIELD) || key.equals(OutsideSource.PUBLISHER_FIELD)) {
                fields.put(key, message);
            } else {
                file.append(key.equals(FILE_FIELD) ? message : key + ": " + message).append(' ');
            }
        });
        fields.put(FILE_FIELD, file.append("Choose the file again: it is not kept while the form has a mistake.")
                .toString());
        return fields;
    }

    private static Agency agency(long id) {
        return OutsideSource.agency(id).orElseThrow(NotFoundException::new);
    }
}
