package org.ringwatch.document;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.request.RequestViews;
import org.ringwatch.web.Flash;
import org.ringwatch.web.MalformedUpload;

import java.io.InputStream;

/** The upload form on each log entry of a request page; works without JavaScript. */
@Path("/requests/{id}/events/{eventId}/documents")
public class DocumentUploadPages {

    private final DocumentService service;
    private final RequestViews requests;
    private final CurrentAccount me;
    private final StreamedUploads uploads;

    public DocumentUploadPages(DocumentService service, RequestViews requests, CurrentAccount me,
            StreamedUploads uploads) {
        this.service = service;
        this.requests = requests;
        this.me = me;
        this.uploads = uploads;
    }

    @POST
    @Authenticated
    @Consumes({MediaType.MULTIPART_FORM_DATA, StreamedUploads.MEDIA_TYPE})
    public Response upload(@PathParam("id") long requestId, @PathParam("eventId") long eventId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) throws MalformedUpload {
        Uploads.checkAllowed(requests, requestId, eventId);
        DocumentService.Result result;
        try (UploadForm form = uploads.formBody(body, contentType)) {
            if (form == null) {
                return Response.status(400).build();
            }
            result = service.attach(me.require(), requestId, eventId, form.uploads());
        }
        if (result.failed()) {
            String message = String.join(" ", result.errors().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).toList());
            return Flash.redirect("/requests/" + requestId + "#event-" + eventId, "Nothing was uploaded. " + message);
        }
        return Flash.redirect("/requests/" + requestId + "#event-" + eventId, result.documents().size()
                + (result.documents().size() == 1 ? " file" : " files") + " uploaded; the text is being read.");
    }
}
