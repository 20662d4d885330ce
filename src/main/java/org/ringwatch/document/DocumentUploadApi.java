package org.ringwatch.document;

import org.ringwatch.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
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
import org.ringwatch.request.RequestViews;
import org.ringwatch.web.MalformedUpload;

import java.io.InputStream;

/**
 * Uploads onto a correspondence entry through the API. Its own resource class because JAX-RS
 * picks the class with the most specific path first and never falls back to another.
 */
@Path("/api/v1/requests/{id}/events/{eventId}/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentUploadApi {

    private final DocumentService service;
    private final RequestViews requests;
    private final CurrentAccount me;
    private final DocumentAccess access;
    private final StreamedUploads uploads;

    public DocumentUploadApi(DocumentService service, RequestViews requests, CurrentAccount me,
            DocumentAccess access, StreamedUploads uploads) {
        this.service = service;
        this.requests = requests;
        this.me = me;
        this.access = access;
        this.uploads = uploads;
    }

    @POST
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes({MediaType.MULTIPART_FORM_DATA, StreamedUploads.MEDIA_TYPE})
    @SecurityRequirement(name = "token")
    @Operation(summary = "Attach files to a correspondence entry",
            description = "multipart/form-data with one or more parts named file. Types are decided from the bytes:"
                    + " PDF, PNG, JPEG, TIFF, plain text, e-mail, DOCX, XLSX, CSV. One refused file refuses all.")
    @APIResponse(responseCode = "201", description = "The documents, status processing")
    @APIResponse(responseCode = "413", description = "A file is over the size limit")
    @APIResponse(responseCode = "422", description = "A file is refused; errors says which and why")
    public Response upload(@Parameter(description = ApiDocs.REQUEST_ID, example = ApiDocs.ID_EXAMPLE)
            @PathParam("id") long requestId,
            @Parameter(description = "The correspondence entry's id, as the request's events give it",
                    example = ApiDocs.ID_EXAMPLE) @PathParam("eventId") long eventId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) throws MalformedUpload {
        try {
            Uploads.checkAllowed(requests, requestId, eventId);
        } catch (NotFoundException e) {
            throw ApiProblem.notFound("No request " + requestId + " with entry " + eventId + " that you may see.");
        } catch (ForbiddenException e) {
            throw ApiProblem.of(403, "Forbidden", "Only the requester and moderators attach files to a request.");
        }
        try (UploadForm form = uploads.apiBody(body, contentType)) {
            return Uploads.created(service.attach(me.require(), requestId, eventId, form.uploads()), access);
        }
    }

}
