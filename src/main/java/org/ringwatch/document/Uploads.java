package org.ringwatch.document;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.ringwatch.request.RequestEvent;
import org.ringwatch.request.RequestViews;

import java.util.List;

/** What the upload form and the upload API share: where files may go, and the parts as uploads. */
final class Uploads {

    private Uploads() {
    }

    /** Uploads go onto an entry of a request the caller may change; anything else is 403 or 404. */
    static void checkAllowed(RequestViews requests, long requestId, long eventId) {
        if (!requests.load(requestId).canChange()) {
            throw new ForbiddenException();
        }
        RequestEvent event = RequestEvent.findById(eventId);
        if (event == null || !event.request.id.equals(requestId)) {
            throw new NotFoundException();
        }
    }

    /** The parts that carry a file, as the service takes them. */
    static List<DocumentService.Upload> of(List<FileUpload> files) {
        return files == null ? List.of() : files.stream()
                .filter(f -> f.uploadedFile() != null)
                .map(f -> new DocumentService.Upload(f.fileName(), f.uploadedFile())).toList();
    }
}
