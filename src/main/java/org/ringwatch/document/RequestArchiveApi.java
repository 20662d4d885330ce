package org.ringwatch.document;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.api.ApiDocs;

/** A request as one ZIP for scripts: the same archive as {@code /requests/{id}.zip}. */
@Path("/api/v1/requests/{id}/archive.zip")
@Tag(name = "Requests")
public class RequestArchiveApi {

    private final RequestArchive archive;

    public RequestArchiveApi(RequestArchive archive) {
        this.archive = archive;
    }

    @GET
    @Produces("application/zip")
    @Operation(summary = "The request's published documents and its log as a ZIP",
            description = "manifest.json and manifest.csv describe the log as you may see it; documents/ holds the"
                    + " published files (the copies without withheld pages), each named by its document id.")
    public Response archive(@Parameter(description = ApiDocs.REQUEST_ID, example = ApiDocs.ID_EXAMPLE)
            @PathParam("id") long id) {
        return archive.respond(id);
    }
}
