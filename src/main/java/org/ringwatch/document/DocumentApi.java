package org.ringwatch.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ringwatch.api.ApiDocs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.account.Role;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.LastModified;
import org.ringwatch.api.ListParams;
import org.ringwatch.api.ListResponses;
import org.ringwatch.api.SyncPosition;
import org.ringwatch.api.Syncs;
import org.ringwatch.api.Watermark;
import org.ringwatch.platform.RingWatchConfig;
import org.ringwatch.platform.SiteAddress;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Documents for scripts: metadata, page text and bytes, review. Uploads: {@link DocumentUploadApi}. */
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents", description = "Files agencies sent, their pages and their review")
public class DocumentApi {

    /** @param citation the page's address on the site, to cite it: {@code https://…/documents/{id}#page-N} */
    @Schema(description = "One page's text; a withheld page has no text for the public, only the reason")
    public record PageJson(long document, int page, String text, String source, boolean withheld,
            String withheldReason, String citation) {

        static PageJson of(long document, PageText page, String site) {
            return new PageJson(document, page.number(), page.text(), page.source(), page.withheld(),
                    page.withheldReason(), site + "/documents/" + document + "#page-" + page.number());
        }
    }

    @Schema(description = "Why a document or page is withheld; shown to the public in its place",
            example = "{\"reason\": \"Names and addresses of residents (exempt under 5 ILCS 140/7(1)(c))\"}")
    public record Withholding(String reason) {
    }

    /** One personal-data item for its reviewers; {@code flag} is what to send back to clear it. */
    @Schema(description = "An e-mail address or phone number found on a page, and how it was resolved")
    public record PersonalDataJson(int page, String flag, String kind, String value, String text, boolean resolved,
            String resolution) {

        static PersonalDataJson of(PersonalDataFlag item) {
            return new PersonalDataJson(item.page(), item.flag(), item.kind(), item.value(), item.readable(),
                    item.resolved(), item.resolution());
        }
    }

    @Schema(description = "A personal-data item (its flag, from GET .../personal-data) and why it is not personal",
            example = "{\"flag\": \"records@aurora-il.org\", \"note\": \"The agency's public records address\"}")
    public record ClearanceJson(String flag, String note) {
    }

    private final DocumentService service;
    private final PersonalDataReview personalData;
    private final DocumentAccess access;
    private final Downloads downloads;
    private final CurrentAccount me;
    private final RingWatchConfig config;
    private final DocumentList documents;
    private final ObjectMapper json;
    private final Syncs syncs;

    public DocumentApi(DocumentService service, PersonalDataReview personalData, DocumentAccess access,
            Downloads downloads, CurrentAccount me, RingWatchConfig config, DocumentList documents, ObjectMapper json, Syncs syncs) {
        this.syncs = syncs;
        this.config = config;
        this.documents = documents;
        this.json = json;
        this.service = service;
        this.personalData = personalData;
        this.access = access;
        this.downloads = downloads;
        this.me = me;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson"})
    @Operation(summary = "Public documents, oldest first (or newest published first), with keyset pagination",
            description = "Only documents anyone may see; sha256 and size are those of the file the public gets."
                    + " Follow \"next\" until it is null; CSV and NDJSON as for every list; all=true for the whole"
                    + " filtered list. With updated_since, the changes since the previous sync: documents the public may"
                    + " see, with updated_at, and tombstones {id, deleted: true, updated_at} for those it no longer"
                    + " may; the last page's Link rel=\"sync\" is the next poll.")
    public Response list(
            @Parameter(description = ApiDocs.STATE, example = ApiDocs.STATE_EXAMPLE) @QueryParam("state") String state,
            @Parameter(description = ApiDocs.AGENCY_KEY, example = ApiDocs.AGENCY_KEY_EXAMPLE) @QueryParam("agency") String agency,
            @Parameter(description = ApiDocs.REQUEST_ID, example = ApiDocs.ID_EXAMPLE) @QueryParam("request") String request,
            @Parameter(description = "File type: pdf, png, jpeg, tiff, text, email, docx, xlsx, csv", example = "pdf")
            @QueryParam("type") String type,
            @Parameter(description = "Published on or after this day (US Eastern)", example = "2027-01-01")
            @QueryParam("published_from") String publishedFrom,
            @Parameter(description = "Published on or before this day (US Eastern)", example = "2027-12-31")
            @QueryParam("published_to") String publishedTo,
            @Parameter(description = "id (default) or -published_at", example = "-published_at")
            @QueryParam("sort") String sort,
            @Parameter(description = ApiDocs.CURSOR, example = "djEfMQ") @QueryParam("cursor") String cursor,
            @BeanParam ListParams paging,
            @Parameter(description = ApiDocs.UPDATED_SINCE, example = ApiDocs.UPDATED_SINCE_EXAMPLE)
            @QueryParam(Watermark.PARAMETER) String updatedSince,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        ListResponses.Ask ask = paging.ask(cursor, headers);
        DocumentList.Filters filters = DocumentList.Filters.of(state, agency, request, type, publishedFrom,
                publishedTo, sort);
        SyncPosition sync = syncs.start(updatedSince, ask.cursor());
        if (sync == null) {
            return ListResponses.respond(ask, new ListResponses.Shape<>((after, size) -> documents.page(filters, after,
                    size), item -> item, DocumentList.Item.class, item -> DocumentList.cursorOf(item, filters.sort())),
                    uri, config, json);
        }
        return ListResponses.respondChanges(ask, ListResponses.Shape.changes(sync, (at, size) -> documents.changes(
                filters, at, size), item -> item, DocumentList.Item.class), sync, uri, config, json);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A document's metadata",
            description = "Last-Modified is when what the public sees of it last changed; If-Modified-Since or"
                    + " If-None-Match (its ETag) answer 304 while it has not.")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentJson.class)))
    public Response get(@Parameter(description = ApiDocs.DOCUMENT_ID, example = ApiDocs.ID_EXAMPLE) @PathParam("id") long id) {
        DocumentView view = visible(id);
        return DocumentView.privateUnlessPublic(LastModified.of(Response.ok(DocumentJson.of(view)),
                view.document().changedAt), view).build();
    }

    @GET
    @Path("sha256/{hash}")
    @Operation(summary = "The document whose file, as you may get it, has this SHA-256",
            description = "For the public that is the published file (the copy without withheld pages where there"
                    + " is one). Content-Location names the document's own address.")
    public Response byHash(@Parameter(description = "The SHA-256 of the file, 64 hexadecimal digits (any case)",
            example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") @PathParam("hash") String hash) {
        if (!DocumentAccess.SHA256.matcher(hash).matches()) {
            throw ApiProblem.badParameter("hash", "A SHA-256 is 64 hexadecimal digits.");
        }
        DocumentView view = access.findByFileHash(hash).orElseThrow(() -> ApiProblem.notFound(
                "No document with SHA-256 " + hash + " that you may see."));
        return DocumentView.privateUnlessPublic(Response.ok(DocumentJson.of(view))
                .header("Content-Location", "/api/v1/documents/" + view.document().id), view).build();
    }

    @GET
    @Path("{id}/pages")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson"})
    @Operation(summary = "A document's pages with their text, in order",
            description = "Each as GET /api/v1/documents/{id}/pages/{n} gives it: a withheld page has no text for the"
                    + " public, only the reason. Follow \"next\" until it is null; CSV and NDJSON as for every list;"
                    + " all=true for every page at once.")
    public Response pages(@Parameter(description = ApiDocs.DOCUMENT_ID, example = ApiDocs.ID_EXAMPLE) @PathParam("id") long id,
            @Parameter(description = ApiDocs.CURSOR, example = "djEfMw") @QueryParam("cursor") String cursor,
            @BeanParam ListParams paging,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        ListResponses.Ask ask = paging.ask(cursor, headers);
        DocumentView view = visible(id);
        String site = SiteAddress.of(config, uri.getBaseUri());
        List<PageText> pages = PageText.of(view);
        ListResponses.Source<PageText> rows = (after, size) -> {
            int last = after == null ? 0 : PageText.numberOf(after);
            return pages.stream().filter(page -> page.number() > last).limit(size).toList();
        };
        Response list = ListResponses.respond(ask, new ListResponses.Shape<>(rows, page -> PageJson.of(id, page, site),
                PageJson.class, PageText::cursorOf), uri, config, json);
        return DocumentView.privateUnlessPublic(Response.fromResponse(list), view).build();
    }

    @GET
    @Path("{id}/pages/{n}")
    @Operation(summary = "The text of one page; withheld pages have no text for the public, only the reason")
    public Response page(@Parameter(description = ApiDocs.DOCUMENT_ID, example = ApiDocs.ID_EXAMPLE) @PathParam("id") long id,
            @Parameter(description = ApiDocs.PAGE_NUMBER, example = "1") @PathParam("n") int number, @Context UriInfo uri) {
        DocumentView view = visible(id);
        return DocumentView.privateUnlessPublic(Response.ok(pageJson(view, number, uri)), view).build();
    }

    @GET
    @Path("{id}/file")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The file's bytes; supports Range and If-None-Match; verify=true re-hashes them first",
            description = "The public gets a copy where each withheld page is replaced by one that says why.")
    public Response file(@Parameter(description = ApiDocs.DOCUMENT_ID, example = ApiDocs.ID_EXAMPLE)
            @PathParam("id") long id,
            @Parameter(description = "One byte range (RFC 9110); the answer is 206 with that part",
                    example = "bytes=0-1023") @HeaderParam("Range") String range,
            @Parameter(description = "The ETag of a copy you have; the answer is 304 while it is current",
                    example = "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"")
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @Parameter(description = "true: re-hash the stored bytes first and refuse to serve them if they changed",
                    example = "false") @QueryParam("verify") boolean verify) {
        return downloads.respond(visible(id), range, ifNoneMatch, verify);
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed(Role.MODERATOR_NAME)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Publish a document (moderators)")
    public DocumentJson publish(@Parameter(description = ApiDocs.DOCUMENT_ID, example = ApiDocs.ID_EXAMPLE) @PathParam("id") long id) {
        visible(id);
        String problem = service.publish(me.require(), id);
        if (problem != null) {
            throw ApiProblem.of(409, "Personal data to resolve", problem + " Items: "
                    + PersonalDataFlag.of(id).stream().filter(f -> !f.resolved()).map(PersonalDataFlag::readable)
                    .collect(Collectors.joining("; ")) + ".");
        }
        return DocumentJson.of(reloaded(id));
    }

    @POST
    @Path("{id}/withhold")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Withhold a document with a reason (moderators)")
    public DocumentJson withhold(@Parameter(description = ApiDocs.DOCUMENT_ID, example = ApiDocs.ID_EXAMPLE) @PathParam("id") long id, Withholding body) {
        visible(id);
        String problem = service.withhold(me.require(), id, body == null ? null : body.reason());
        if (problem != null) {
            throw ApiProblem.invalid(Map.of("reason", problem));
        }
        return DocumentJson.of(reloaded(id));
    }

    @POST
    @Path("{id}/pages/{n}/withhold")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Withhold one page with a reason (moderators)",
            description = "Until the copy without the page is made, the public gets nothing of the document.")
    public PageJson withholdPage(@Parameter(description = ApiDocs.DOCUMENT_ID, example = ApiDocs.ID_EXAMPLE) @PathParam("id") long id,
            @Parameter(description = ApiDocs.PAGE_NUMBER, example = "1") @PathParam("n") int number, Withholding body, @Context UriInfo uri) {
        visible(id);
        return changed(id, number, service.withholdPage(me.require(), id, number, body == null ? null : body.reason()),
                uri);
    }

    @POST
    @Path("{id}/pages/{n}/release")
    @RolesAllowed(Role.MODERATOR_NAME)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Release a withheld page (moderators)")
    public PageJson releasePage(@Parameter(description = ApiDocs.DOCUMENT_ID, example = ApiDocs.ID_EXAMPLE) @PathParam("id") long id,
            @Parameter(description = ApiDocs.PAGE_NUMBER, example = "1") @PathParam("n") int number, @Context UriInfo uri) {
        visible(id);
        return changed(id, number, service.releasePage(me.require(), id, number), uri);
    }

    @GET
    @Path("{id}/personal-data")
    @Operation(summary = "The e-mail addresses and phone numbers found in the text, and how each was resolved"
            + " (its reviewers)", description = "A document is published only once every item is resolved: its page"
            + " withheld, or cleared with a note saying why it is not personal.")
    public Response personalData(@Parameter(description = ApiDocs.DOCUMENT_ID, example = ApiDocs.ID_EXAMPLE) @PathParam("id") long id) {
        DocumentView view = visible(id);
        if (!view.review()) {
            throw ApiProblem.notFound("No document " + id + " that you may review.");
        }
        List<PersonalDataJson> items = PersonalDataFlag.of(id).stream().map(PersonalDataJson::of).toList();
        return DocumentView.privateUnlessPublic(Response.ok(items), view).build();
    }

    @POST
    @Path("{id}/pages/{n}/personal-data/clear")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Clear one personal-data item with a note saying why it is not personal (moderators)")
    public List<PersonalDataJson> clearPersonalData(@Parameter(description = ApiDocs.DOCUMENT_ID, example = ApiDocs.ID_EXAMPLE) @PathParam("id") long id, @Parameter(description = ApiDocs.PAGE_NUMBER, example = "1") @PathParam("n") int number,
            ClearanceJson body) {
        visible(id);
        return cleared(id, number, personalData.clear(me.require(), id, number, body == null ? null : body.flag(),
                body == null ? null : body.note()));
    }

    @POST
    @Path("{id}/pages/{n}/personal-data/reopen")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Take a clearance back: the item is to resolve again before publishing (moderators)")
    public List<PersonalDataJson> reopenPersonalData(@Parameter(description = ApiDocs.DOCUMENT_ID, example = ApiDocs.ID_EXAMPLE) @PathParam("id") long id, @Parameter(description = ApiDocs.PAGE_NUMBER, example = "1") @PathParam("n") int number,
            ClearanceJson body) {
        visible(id);
        return cleared(id, number, personalData.reopen(me.require(), id, number, body == null ? null : body.flag()));
    }

    private static List<PersonalDataJson> cleared(long id, int number, PersonalDataReview.Clearance clearance) {
        return switch (clearance) {
            case NO_NOTE, NOTE_TOO_LONG -> throw ApiProblem.invalid(Map.of("note", clearance.problem));
            case NO_SUCH_FLAG -> throw ApiProblem.notFound("Document " + id + " has no such item on page " + number
                    + ".");
            case DONE -> PersonalDataFlag.of(id).stream().map(PersonalDataJson::of).toList();
        };
    }

    private PageJson changed(long id, int number, DocumentService.PageChange change, UriInfo uri) {
        return switch (change) {
            case NO_REASON, REASON_TOO_LONG -> throw ApiProblem.invalid(Map.of("reason", change.problem));
            case NO_SUCH_PAGE -> throw ApiProblem.notFound("Document " + id + " has no page " + number + ".");
            case DONE -> pageJson(reloaded(id), number, uri);
        };
    }

    private PageJson pageJson(DocumentView view, int number, UriInfo uri) {
        long id = view.document().id;
        String site = SiteAddress.of(config, uri.getBaseUri());
        return PageText.of(view).stream().filter(p -> p.number() == number).findFirst()
                .map(p -> PageJson.of(id, p, site))
                .orElseThrow(() -> ApiProblem.notFound("Document " + id + " has no page " + number + "."));
    }

    private DocumentView reloaded(long id) {
        return access.findChanged(id).orElseThrow(() -> ApiProblem.notFound("No document " + id + " that you may see."));
    }

    private DocumentView visible(long id) {
        return access.find(id).orElseThrow(() -> ApiProblem.notFound("No document " + id + " that you may see."));
    }
}
