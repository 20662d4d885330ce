package org.ringwatch.browse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.agency.Agency;
import org.ringwatch.agency.AgencyDirectory;
import org.ringwatch.agency.AgencyDirectory.AgencyRow;
import org.ringwatch.agency.AgencyLink;
import org.ringwatch.agency.PartnershipFact;
import org.ringwatch.agreement.AgreementStatus;
import org.ringwatch.agreement.AgreementStatuses;
import org.ringwatch.document.AgencyDocuments;
import org.ringwatch.pagecache.PublicPage;
import org.ringwatch.request.RequestList;
import org.ringwatch.state.RecordsLaw;
import org.ringwatch.state.State;

import java.util.List;

/**
 * An agency's page (its agreement status first, then its requests with their due dates, its
 * published documents, its partnership facts with their sources) and name search.
 */
@PublicPage
@Path("/agencies")
@Produces(MediaType.TEXT_HTML)
public class AgencyPages {

    /** Search results shown on one page; the API pages through the rest. */
    static final int SEARCH_LIMIT = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance agency(Agency agency, State state, List<PartnershipFact> facts,
                List<AgencyLink> links, RecordsLaw law, List<RequestList.Dated> requests,
                AgreementStatus agreementStatus, List<AgencyDocuments.Listed> documents);

        static native TemplateInstance search(String q, List<AgencyRow> agencies, boolean truncated);
    }

    private final AgencyDirectory directory;
    private final RequestList requests;
    private final AgreementStatuses agreementStatuses;
    private final AgencyDocuments documents;

    public AgencyPages(AgencyDirectory directory, RequestList requests, AgreementStatuses agreementStatuses,
            AgencyDocuments documents) {
        this.directory = directory;
        this.requests = requests;
        this.agreementStatuses = agreementStatuses;
        this.documents = documents;
    }

    @GET
    public TemplateInstance search(@QueryParam("q") String q) {
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query == null) {
            return Templates.search("", List.of(), false);
        }
        List<AgencyRow> rows = directory.page(null, query, null, SEARCH_LIMIT + 1);
        return Templates.search(query, rows.stream().limit(SEARCH_LIMIT).toList(), rows.size() > SEARCH_LIMIT);
    }

    @GET
    @Path("{state}/{slug}")
    public TemplateInstance agency(@PathParam("state") String stateCode, @PathParam("slug") String slug) {
        State state = State.findByCode(stateCode).orElseThrow(NotFoundException::new);
        Agency agency = Agency.findBySlug(state.code, slug).orElseThrow(NotFoundException::new);
        return Templates.agency(agency, state, PartnershipFact.forAgency(agency), AgencyLink.forAgency(agency),
                RecordsLaw.currentFor(state.code).orElse(null), requests.visibleWithDeadlines(agency.id, 100),
                agreementStatuses.of(agency), documents.published(agency.id, 100));
    }
}
