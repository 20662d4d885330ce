package org.ringwatch.search;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.agreement.AgreementSearch;
import org.ringwatch.api.ApiProblem;

import java.util.List;

/**
 * The search page: a form that works without JavaScript, ranked results with highlighted matches,
 * and above them, on the first page, the published agreements that match.
 */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPages {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        /** @param ranked how many pages at most are ranked: the search says so, as the API's description does */
        static native TemplateInstance search(String q, String state, List<AgreementSearch.Hit> agreements,
                List<Search.Hit> hits, boolean more, int offset, String problem, int ranked);
    }

    private final Search search;
    private final AgreementSearch agreements;

    public SearchPages(Search search, AgreementSearch agreements) {
        this.search = search;
        this.agreements = agreements;
    }

    @GET
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("state") String state,
            @QueryParam("offset") String offsetParam) {
        // Parsed here: a JAX-RS int parameter answers "offset=abc" with a bare 404.
        int offset = parseOffset(offsetParam);
        String text = q == null ? "" : q.strip();
        if (text.isEmpty()) {
            return Templates.search("", state == null ? "" : state, List.of(), List.of(), false, 0, null,
                    Search.MAX_CANDIDATES);
        }
        try {
            Search.Filters filters = SearchQuery.filters(state, null, null, null, null);
            List<Search.Hit> hits = search.find(text, filters, Math.max(0, offset), PAGE_SIZE);
            // Agreements head the first page only; further pages continue the page hits.
            List<AgreementSearch.Hit> matched = offset > 0 ? List.of()
                    : agreements.find(text, filters.state(), filters.agencyId());
            return Templates.search(text, state == null ? "" : state, matched,
                    hits.stream().limit(PAGE_SIZE).toList(), hits.size() > PAGE_SIZE, Math.max(0, offset), null,
                    Search.MAX_CANDIDATES);
        } catch (ApiProblem problem) {
            return Templates.search(text, state, List.of(), List.of(), false, 0, problem.getMessage(),
                    Search.MAX_CANDIDATES);
        }
    }

    private static int parseOffset(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
