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
import org.ringwatch.agency.AgencyDirectory.CityGroup;
import org.ringwatch.agency.AgencyDirectory.CityPage;
import org.ringwatch.platform.Today;
import org.ringwatch.state.HolidayCalendar;
import org.ringwatch.state.HolidayCalendar.Holiday;
import org.ringwatch.state.HolidayRule;
import org.ringwatch.state.RecordsLaw;
import org.ringwatch.state.State;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Browse by place: all states, one state (its law and its agencies by city), one city. */
@Path("/states")
@Produces(MediaType.TEXT_HTML)
public class StatePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance states(List<State> states, Map<String, Long> agencyCounts, State federal,
                RecordsLaw federalLaw);

        static native TemplateInstance state(State state, RecordsLaw law, int year, List<Holiday> holidays,
                List<CityGroup> cities, int agencyCount);

        static native TemplateInstance city(CityPage city);
    }

    private final AgencyDirectory directory;
    private final Today today;

    public StatePages(AgencyDirectory directory, Today today) {
        this.directory = directory;
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
        List<CityGroup> cities = directory.byCity(state.code);
        return Templates.state(state, RecordsLaw.currentFor(state.code).orElse(null), year,
                HolidayCalendar.observedIn(HolidayRule.forState(state.code), year), cities,
                cities.stream().mapToInt(c -> c.agencies().size()).sum());
    }

    @GET
    @Path("{code}/cities/{city}")
    public TemplateInstance city(@PathParam("code") String code, @PathParam("city") String citySlug) {
        if (!code.matches("[A-Za-z]{2}")) {
            throw new NotFoundException();
        }
        return Templates.city(directory.cityPage(code.toUpperCase(Locale.ROOT), citySlug)
                .orElseThrow(NotFoundException::new));
    }
}
