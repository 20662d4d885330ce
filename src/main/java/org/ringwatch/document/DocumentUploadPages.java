package org.ringwatch.document;

import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.request.RequestEvent;
import org.ringwatch.request.RequestViews;
import org.ringwatch.web.Flash;

import java.util.List;

/** The upload form on each log entry of a request page; works without JavaScript. */
@Path("/requests/{id}/events/{eventId}/documents")
public class DocumentUploadPages {

    private final DocumentService service;
    private final RequestViews requests;
    private final CurrentAccount me;

    public DocumentUploadPages(DocumentService service, RequestViews requests, CurrentAccount me) {
        this.service = service;
        this.requests = requests;
        this.me = me;
    }

    @POST
    @Authenticated
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") long requestId, @PathParam("eventId") long eventId,
            @RestForm("file") List<FileUpload> files) {
        checkUploadAllowed(requests, requestId, eventId);
        DocumentService.Result result = service.attach(me.require(), requestId, eventId, uploads(files));
        if (result.failed()) {
            String message = String.join(" ", result.errors().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).toList());
            return Flash.redirect("/requests/" + requestId + "#event-" + eventId, "Nothing was uploaded. " + message);
        }
        return Flash.redirect("/requests/" + requestId + "#event-" + eventId, result.documents().size()
                + (result.documents().size() == 1 ? " file" : " files") + " uploaded; the text is being read.");
    }


    static List<DocumentService.Upload> uploads(List<FileUpload> files) {
        return files == null ? List.of() : files.stream()
                .filter(f -> f.uploadedFile() != null)
                .map(f -> new DocumentService.Upload(f.fileName(), f.uploadedFile())).toList();
    }

    /** Uploads go onto an entry of a request the caller may change; anything else is 403 or 404. */
    static void checkUploadAllowed(RequestViews requests, long requestId, long eventId) {
        if (!requests.load(requestId).canChange()) {
            throw new ForbiddenException();
        }
        RequestEvent event = RequestEvent.findById(eventId);
        if (event == null || !event.request.id.equals(requestId)) {
            throw new NotFoundException();
        }
    }
}
