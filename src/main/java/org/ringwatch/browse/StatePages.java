package org.ringwatch.browse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.agency.AgencyDirectory;
import org.ringwatch.agreement.AgencyStatusList;
import org.ringwatch.agreement.AgencyStatusList.CityPage;
import org.ringwatch.agreement.AgencyStatusList.Coverage;
import org.ringwatch.agreement.AgencyStatusList.Row;
import org.ringwatch.pagecache.PublicPage;
import org.ringwatch.platform.Today;
import org.ringwatch.state.HolidayCalendar;
import org.ringwatch.state.HolidayCalendar.Holiday;
import org.ringwatch.state.HolidayRule;
import org.ringwatch.state.RecordsLaw;
import org.ringwatch.state.State;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Browse by place: all states; one state (its agencies with their agreement status by city, its
 * coverage, then its law); a state's coverage; one city.
 */
@PublicPage
@Path("/states")
@Produces(MediaType.TEXT_HTML)
public class StatePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance states(List<State> states, Map<String, Long> agencyCounts, State federal,
                RecordsLaw federalLaw);

        static native TemplateInstance state(State state, RecordsLaw law, int year, List<Holiday> holidays,
                List<Row> agencies, Coverage coverage);

        static native TemplateInstance coverage(State state, Coverage coverage);

        static native TemplateInstance city(CityPage city);
    }

    private final AgencyDirectory directory;
    private final AgencyStatusList statuses;
    private final Today today;

    public StatePages(AgencyDirectory directory, AgencyStatusList statuses, Today today) {
        this.directory = directory;
        this.statuses = statuses;
        this.today = today;
    }

    @GET
    public TemplateInstance states() {
        State federal = State.federal().orElse(null);
        return Templates.states(State.places(), directory.countsByState(), federal,
                RecordsLaw.currentFor("US").orElse(null));
    }

    @GET
    @Path("{code}")
    public TemplateInstance state(@PathParam("code") String code) {
        State state = State.findByCode(code).orElseThrow(NotFoundException::new);
        int year = today.date().getYear();
        return Templates.state(state, RecordsLaw.currentFor(state.code).orElse(null), year,
                HolidayCalendar.observedIn(HolidayRule.forState(state.code), year), statuses.state(state.code),
                statuses.coverage(state.code, state.name));
    }

    @GET
    @Path("{code}/coverage")
    public TemplateInstance coverage(@PathParam("code") String code) {
        State state = State.findByCode(code).orElseThrow(NotFoundException::new);
        return Templates.coverage(state, statuses.coverage(state.code, state.name));
    }

    @GET
    @Path("{code}/cities/{city}")
    public TemplateInstance city(@PathParam("code") String code, @PathParam("city") String citySlug) {
        if (!code.matches("[A-Za-z]{2}")) {
            throw new NotFoundException();
        }
        return Templates.city(statuses.city(code.toUpperCase(Locale.ROOT), citySlug)
                .orElseThrow(NotFoundException::new));
    }
}
