package org.ringwatch.document;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** {@code /requests/{id}.zip}: a request's published documents and its log, for a browser's download link. */
@Path("/requests/{id}.zip")
public class RequestArchivePages {

    private final RequestArchive archive;

    public RequestArchivePages(RequestArchive archive) {
        this.archive = archive;
    }

    @GET
    @Produces("application/zip")
    public Response archive(@PathParam("id") long id) {
        return archive.respond(id);
    }
}
