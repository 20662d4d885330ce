package org.ringwatch.document;

import org.ringwatch.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.account.Role;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.web.MalformedUpload;

import java.io.InputStream;
import java.util.List;

/**
 * Documents obtained outside RingWatch, uploaded through the API as evidence about an agency.
 * A wrong source is the caller's parameter (400, naming it); a refused file is 422 or 413, as
 * for uploads onto a request ({@link DocumentUploadApi}).
 */
@Path("/api/v1/agencies/{id}/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class OutsideDocumentApi {

    private final DocumentService service;
    private final CurrentAccount me;
    private final DocumentAccess access;
    private final StreamedUploads uploads;

    public OutsideDocumentApi(DocumentService service, CurrentAccount me, DocumentAccess access,
            StreamedUploads uploads) {
        this.service = service;
        this.me = me;
        this.access = access;
        this.uploads = uploads;
    }

    @POST
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes({MediaType.MULTIPART_FORM_DATA, StreamedUploads.MEDIA_TYPE})
    @SecurityRequirement(name = "token")
    @Operation(summary = "Upload documents obtained elsewhere as evidence about an agency",
            description = "multipart/form-data with one or more parts named file, source_url (http or https, where the"
                    + " document was published, at most 2000 characters) and publisher (who published it, 1 to 200"
                    + " characters). Private until a moderator publishes it; checked and read like every upload.")
    @APIResponse(responseCode = "201", description = "The documents, status processing")
    @APIResponse(responseCode = "400", description = "source_url or publisher is missing or wrong; parameter names it")
    @APIResponse(responseCode = "404", description = "No such agency")
    @APIResponse(responseCode = "413", description = "A file is over the size limit")
    @APIResponse(responseCode = "422", description = "A file is refused; errors says which and why")
    public Response upload(@Parameter(description = "The agency's numeric id", example = ApiDocs.ID_EXAMPLE)
            @PathParam("id") long agencyId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) throws MalformedUpload {
        if (OutsideSource.agency(agencyId).isEmpty()) {
            throw ApiProblem.notFound("No agency " + agencyId + ".");
        }
        DocumentService.Result result;
        try (UploadForm form = uploads.apiBody(body, contentType, OutsideSource.URL_FIELD,
                OutsideSource.PUBLISHER_FIELD)) {
            result = service.attachOutside(me.require(), agencyId, OutsideSource.of(form), form.uploads());
        }
        // A wrong source is named first, as the parameter at fault; the files' refusals come after.
        List<String> source = List.of(OutsideSource.URL_FIELD, OutsideSource.PUBLISHER_FIELD).stream()
                .filter(result.errors()::containsKey).toList();
        if (!source.isEmpty()) {
            throw ApiProblem.badParameter(source.get(0),
                    String.join(" ", source.stream().map(result.errors()::get).toList()));
        }
        return Uploads.created(result, access);
    }
}
