package org.ringwatch.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.Cursor;
import org.ringwatch.api.Paging;
import org.ringwatch.platform.RingWatchConfig;

import java.util.List;

/** Full-text search over published pages, for scripts. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full-text search over the text of published documents, page by page")
public class SearchApi {

    /**
     * {@code headline} marks matches with <mark>…</mark> around HTML-escaped text. {@code request}
     * and {@code request_title} are null for a document obtained elsewhere, {@code publisher} says who published it.
     */
    public record HitJson(long document, int page, String documentName, Long request, String requestTitle,
            String publisher, String agency, String agencyName, double rank, String headline, String link) {
    }

    private final Search search;
    private final RingWatchConfig config;

    public SearchApi(Search search, RingWatchConfig config) {
        this.search = search;
        this.config = config;
    }

    @GET
    @Operation(summary = "Search published page text",
            description = "q: words, \"a phrase\", -excluded, or; word* for a prefix. Filters: state, agency"
                    + " (\"ST/slug\"), request (id), from/to (upload dates, YYYY-MM-DD). Ranked; follow next.")
    public Response search(@QueryParam("q") String q, @QueryParam("state") String state,
            @QueryParam("agency") String agency, @QueryParam("request") String request,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit, @Context UriInfo uri) {
        if (!SearchQuery.present(q)) {
            throw ApiProblem.badParameter("q", "q is required: the words to search for");
        }
        int pageSize = Paging.limit(limit);
        int offset = 0;
        if (SearchQuery.present(cursor)) {
            try {
                offset = Integer.parseInt(Cursor.decode(cursor.strip(), 1).get(0));
            } catch (NumberFormatException e) {
                offset = -1;
            }
            // A cursor is opaque but not signed: one decoded to a negative or foreign offset is refused here.
            if (offset < 0) {
                throw ApiProblem.badParameter("cursor", "cursor is not one this API issued");
            }
        }
        List<Search.Hit> hits = search.find(q, SearchQuery.filters(state, agency, request, from, to), offset, pageSize);
        int start = offset;
        return Paging.respond(hits, pageSize, SearchApi::json,
                hit -> Cursor.encode(String.valueOf(start + pageSize)), uri, config);
    }

    private static HitJson json(Search.Hit hit) {
        StringBuilder headline = new StringBuilder();
        for (Search.Fragment fragment : hit.headline()) {
            String text = escape(fragment.text());
            headline.append(fragment.mark() ? "<mark>" + text + "</mark>" : text);
        }
        return new HitJson(hit.document(), hit.page(), hit.documentName(), hit.request(), hit.requestTitle(),
                hit.publisher(), hit.state() + "/" + hit.agencySlug(), hit.agencyName(), hit.rank(), headline.toString(), hit.link());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
