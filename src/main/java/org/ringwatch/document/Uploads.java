package org.ringwatch.document;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.request.RequestEvent;
import org.ringwatch.request.RequestViews;

/** What the upload form and the upload API share: where files may go, and the API's answer. */
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

    /**
     * The API's answer to an upload: 201 with the documents, 413 when a file is over the limit,
     * else 422 with each refused file's message. The uploader reviews what they upload, so each
     * is theirs to see.
     */
    static Response created(DocumentService.Result result, DocumentAccess access) {
        if (result.failed()) {
            if (result.tooLarge()) {
                throw ApiProblem.of(413, "Content Too Large", String.join(" ", result.errors().values()));
            }
            throw ApiProblem.invalid(result.errors());
        }
        return Response.status(201).entity(result.documents().stream()
                .map(d -> DocumentJson.of(access.view(d).orElseThrow())).toList()).build();
    }
}
