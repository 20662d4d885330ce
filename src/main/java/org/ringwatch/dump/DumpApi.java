package org.ringwatch.dump;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.account.Role;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.QueryDates;
import org.ringwatch.document.BlobStore;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The full public dumps: the list, the latest, a day's ZIP and its page texts, and an admin's
 * "make today's dump now". A dated dump never changes once made, so its address is a stable
 * citation; {@code latest} redirects (302) to the dated address, so a download is saved under
 * its date and caches keep one copy per day.
 */
@Path("/api/v1/dumps")
@Tag(name = "Dumps", description = "Every public table as CSV with a Frictionless datapackage.json, once a day")
@Produces(MediaType.APPLICATION_JSON)
public class DumpApi {

    private static final String DATE = "The dump's day, YYYY-MM-DD, as GET /api/v1/dumps lists it";
    private static final String DATE_EXAMPLE = "2027-06-01";

    /** The list: newest first, all of them (one a day), shaped like every other list. */
    public record DumpList(List<DumpJson> items, String next) {
    }

    private final DumpMaker maker;
    private final BlobStore blobs;

    public DumpApi(DumpMaker maker, BlobStore blobs) {
        this.maker = maker;
        this.blobs = blobs;
    }

    @GET
    @Operation(summary = "Every dump, newest first, with each file's SHA-256, size and rows per table")
    public DumpList list() {
        return new DumpList(Dump.newestFirst().stream().map(DumpJson::of).toList(), null);
    }

    @GET
    @Path("latest")
    @Operation(summary = "The newest dump: a redirect (302) to its dated address")
    @APIResponse(responseCode = "302", description = "Location: /api/v1/dumps/{date}")
    @APIResponse(responseCode = "404", description = "No dump has been made yet")
    public Response latest() {
        Dump dump = Dump.latest().orElseThrow(() -> ApiProblem.notFound("No dump has been made yet."));
        return Response.status(Response.Status.FOUND).location(URI.create("/api/v1/dumps/" + dump.madeOn))
                .header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("{date}")
    @Produces("application/zip")
    @Operation(summary = "One day's dump: a ZIP of datapackage.json and data/<table>.csv",
            description = "Repr-Digest (RFC 9530) and X-Checksum-SHA256 carry the SHA-256 GET /api/v1/dumps lists.")
    @APIResponse(responseCode = "400", description = "date is not YYYY-MM-DD")
    @APIResponse(responseCode = "404", description = "No dump of that day")
    public Response tables(@Parameter(description = DATE, example = DATE_EXAMPLE) @PathParam("date") String date) {
        Dump dump = find(date);
        return zip(dump.sha256, dump.sizeBytes, dump.fileName());
    }

    @GET
    @Path("{date}/pages")
    @Produces("application/zip")
    @Operation(summary = "One day's page texts: a ZIP of datapackage.json and data/document_pages.csv",
            description = "The text of every page of that day's public documents, withheld pages left out.")
    @APIResponse(responseCode = "400", description = "date is not YYYY-MM-DD")
    @APIResponse(responseCode = "404", description = "No dump of that day")
    public Response pages(@Parameter(description = DATE, example = DATE_EXAMPLE) @PathParam("date") String date) {
        Dump dump = find(date);
        return zip(dump.pagesSha256, dump.pagesSizeBytes, dump.pagesFileName());
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Make today's dump now (admins)",
            description = "Waits while it is made. One dump a day: when today's exists already, the answer is 200"
                    + " with it instead of 201.")
    @APIResponse(responseCode = "201", description = "Made now")
    @APIResponse(responseCode = "200", description = "Today's dump existed already")
    public Response make() {
        DumpMaker.Made made = maker.today();
        DumpJson json = DumpJson.of(made.dump());
        return (made.created() ? Response.created(URI.create(json.file())) : Response.ok())
                .header("Cache-Control", "no-store").entity(json).build();
    }

    private static Dump find(String date) {
        LocalDate day = QueryDates.parse("date", date);
        return Dump.on(day).orElseThrow(() -> ApiProblem.notFound("There is no dump of " + day + "."));
    }

    private Response zip(String sha256, long size, String fileName) {
        StreamingOutput body = out -> {
            try (InputStream in = blobs.open(sha256, 0)) {
                in.transferTo(out);
            }
        };
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256));
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Content-Length", size)
                .header("ETag", "\"" + sha256 + "\"")
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .header("X-Checksum-SHA256", sha256)
                // A day's dump never changes once made.
                .header("Cache-Control", "public, max-age=86400")
                .build();
    }
}
