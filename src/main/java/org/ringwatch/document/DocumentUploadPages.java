package org.ringwatch.document;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.ringwatch.account.CurrentAccount;
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
        Uploads.checkAllowed(requests, requestId, eventId);
        DocumentService.Result result = service.attach(me.require(), requestId, eventId, Uploads.of(files));
        if (result.failed()) {
            String message = String.join(" ", result.errors().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).toList());
            return Flash.redirect("/requests/" + requestId + "#event-" + eventId, "Nothing was uploaded. " + message);
        }
        return Flash.redirect("/requests/" + requestId + "#event-" + eventId, result.documents().size()
                + (result.documents().size() == 1 ? " file" : " files") + " uploaded; the text is being read.");
    }
}
