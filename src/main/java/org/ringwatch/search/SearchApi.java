package org.ringwatch.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ringwatch.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.agreement.AgreementSearch;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.ListFormat;
import org.ringwatch.api.ListParams;
import org.ringwatch.api.ListPage;
import org.ringwatch.api.ListResponses;
import org.ringwatch.platform.RingWatchConfig;
import org.ringwatch.web.Highlights;

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

    /** A published agreement that matched; {@code excerpt} is HTML-escaped with <mark>…</mark>, as a headline. */
    public record AgreementHitJson(long id, String title, String kind, String agency, String agencyName,
            String signed, String url, String excerpt) {
    }

    /**
     * A {@link ListPage} of page hits, whose fields it keeps, plus the agreements that matched.
     * Those are not paged: up to {@link AgreementSearch#LIMIT}, on the first page only, so a
     * client that follows {@code next} does not get them again.
     */
    public record SearchJson(List<?> items, String next, List<AgreementHitJson> agreements) {
    }

    private final Search search;
    private final AgreementSearch agreements;
    private final RingWatchConfig config;
    private final ObjectMapper json;

    public SearchApi(Search search, AgreementSearch agreements, RingWatchConfig config, ObjectMapper json) {
        this.json = json;
        this.search = search;
        this.agreements = agreements;
        this.config = config;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson"})
    @Operation(summary = "Search published page text",
            description = "q: words, \"a phrase\", -excluded, or; word* for a prefix. Filters: state, agency"
                    + " (\"ST/slug\"), request (id), from/to (upload dates, YYYY-MM-DD). Ranked; follow next."
                    + " Where more than " + Search.MAX_CANDIDATES + " pages hold all the words, the first "
                    + Search.MAX_CANDIDATES + " found are ranked and checked for a phrase."
                    + " The first page also lists the published agreements that match (title, programs, agency,"
                    + " quotes from readable pages), filtered by state and agency only. CSV and NDJSON as for every list,"
                    + " and all=true, answer the page hits only (the agreements are on the first JSON page).")
    public Response search(
            @Parameter(description = "Required. Words, \"a phrase\", -excluded, or; word* for a prefix",
                    example = "confidential") @QueryParam("q") String q,
            @Parameter(description = ApiDocs.STATE, example = ApiDocs.STATE_EXAMPLE) @QueryParam("state") String state,
            @Parameter(description = ApiDocs.AGENCY_KEY, example = ApiDocs.AGENCY_KEY_EXAMPLE)
            @QueryParam("agency") String agency,
            @Parameter(description = ApiDocs.REQUEST_ID + "; only its documents", example = ApiDocs.ID_EXAMPLE)
            @QueryParam("request") String request,
            @Parameter(description = "Uploaded on or after this day, YYYY-MM-DD", example = "2019-01-01")
            @QueryParam("from") String from,
            @Parameter(description = "Uploaded on or before this day, YYYY-MM-DD", example = "2026-12-31")
            @QueryParam("to") String to,
            @Parameter(description = ApiDocs.CURSOR, example = "djEfNTA") @QueryParam("cursor") String cursor,
            @BeanParam ListParams paging,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        if (!SearchQuery.present(q)) {
            throw ApiProblem.badParameter("q", "q is required: the words to search for");
        }
        ListResponses.Ask ask = paging.ask(cursor, headers);
        int offset = Search.offset(ask.cursor());
        Search.Filters filters = SearchQuery.filters(state, agency, request, from, to);
        Response hits = ListResponses.respond(ask, new ListResponses.Shape<>((after, size) -> search.ranked(q,
                filters, after, size), hit -> json(hit.hit()), HitJson.class, Search::cursorOf), uri, config, json);
        if (ask.all() || ask.format() != ListFormat.JSON) {
            return hits;
        }
        List<AgreementHitJson> matched = offset > 0 ? List.of()
                : agreements.find(q, filters.state(), filters.agencyId()).stream().map(SearchApi::json).toList();
        ListPage<?> list = (ListPage<?>) hits.getEntity();
        return Response.fromResponse(hits).entity(new SearchJson(list.items(), list.next(), matched)).build();
    }

    private static HitJson json(Search.Hit hit) {
        return new HitJson(hit.document(), hit.page(), hit.documentName(), hit.request(), hit.requestTitle(),
                hit.publisher(), hit.state() + "/" + hit.agencySlug(), hit.agencyName(), hit.rank(), Highlights.html(hit.headline()), hit.link());
    }

    private static AgreementHitJson json(AgreementSearch.Hit hit) {
        return new AgreementHitJson(hit.id(), hit.title(), hit.kind().code(), hit.agency(), hit.agencyName(),
                hit.signed() == null ? null : hit.signed().iso(), hit.link(), Highlights.html(hit.excerpt()));
    }
}
