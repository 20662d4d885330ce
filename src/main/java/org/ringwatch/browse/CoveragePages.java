package org.ringwatch.browse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.agreement.AgencyStatusList;
import org.ringwatch.agreement.AgencyStatusList.Filter;
import org.ringwatch.agreement.AgencyStatusList.National;
import org.ringwatch.agreement.AgencyStatusList.Row;
import org.ringwatch.agreement.AgencyStatusList.Sort;
import org.ringwatch.pagecache.PublicPage;
import org.ringwatch.state.State;

import java.util.List;

/**
 * Where volunteers are needed: how many partner agencies were asked for their agreement and what
 * came of it, nationally and per state, and the agencies behind each figure.
 */
@PublicPage
@Path("/coverage")
@Produces(MediaType.TEXT_HTML)
public class CoveragePages {

    /** Agencies shown on one list page; the nation's "not yet asked" is longer, so it says so. */
    static final int LIST_LIMIT = 500;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance national(National coverage);

        static native TemplateInstance agencies(State state, Filter filter, Sort sort, List<Sort> sorts,
                List<Row> agencies, boolean truncated, String stateParam);
    }

    private final AgencyStatusList statuses;

    public CoveragePages(AgencyStatusList statuses) {
        this.statuses = statuses;
    }

    @GET
    public TemplateInstance national() {
        return Templates.national(statuses.coverage());
    }

    /** Unknown states, statuses and sorts are a 404: the address names a list that does not exist. */
    @GET
    @Path("agencies")
    public TemplateInstance agencies(@QueryParam("state") String stateCode, @QueryParam("status") String status,
            @QueryParam("sort") String sort) {
        State state = stateCode == null || stateCode.isBlank() ? null
                : State.findByCode(stateCode.strip()).orElseThrow(NotFoundException::new);
        Filter filter = Filter.fromCode(status).orElseThrow(NotFoundException::new);
        Sort order = Sort.fromCode(sort).orElseThrow(NotFoundException::new);
        List<Row> rows = statuses.listed(state == null ? null : state.code, filter, order, LIST_LIMIT + 1);
        return Templates.agencies(state, filter, order, List.of(Sort.values()), rows.stream().limit(LIST_LIMIT).toList(),
                rows.size() > LIST_LIMIT, state == null ? "" : state.code);
    }
}
