package org.ringwatch.browse;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.agency.AgencyDirectory;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.ApiDocs;
import org.ringwatch.api.Cursor;
import org.ringwatch.api.ListParams;
import org.ringwatch.api.ListResponses;
import org.ringwatch.platform.RingWatchConfig;
import org.ringwatch.platform.Today;
import org.ringwatch.state.HolidayCalendar;
import org.ringwatch.state.HolidayCalendar.Holiday;
import org.ringwatch.state.HolidayRule;
import org.ringwatch.state.RecordsLaw;
import org.ringwatch.state.State;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The federal government, the 50 states and DC, with their public-records law. */
@Path("/api/v1/states")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "States", description = "Jurisdictions and their public-records law")
public class StateApi {

    /** A jurisdiction in the list. */
    public record StateSummary(String code, String name, String kind, long agencyCount, String url) {
    }

    /** A jurisdiction with its law and this year's legal holidays. */
    public record StateDetail(String code, String name, String kind, long agencyCount, LawView law,
            List<HolidayView> holidays) {
    }

    /**
     * The law. {@code *_days} null means the law sets no number of days ("promptly"), never 0;
     * {@code deadline_as_written} keeps the source's own words.
     */
    public record LawView(String name, String citation, String deadlineAsWritten, Integer firstDeadlineDays,
            String firstDeadlineDayType, Integer secondDeadlineDays, String secondDeadlineDayType, String whatIsDue,
            String extension, String administrativeAppeal, String judicialReview, String requesterRestriction,
            String confidence, String notes) {

        static LawView of(RecordsLaw law) {
            return new LawView(law.lawName, law.citation, law.deadlineAsWritten, law.firstDeadlineDays,
                    law.firstDeadlineDayType, law.secondDeadlineDays, law.secondDeadlineDayType, law.whatIsDue,
                    law.extension, law.administrativeAppeal, law.judicialReview, law.requesterRestriction,
                    law.confidence, law.notes);
        }
    }

    public record HolidayView(String name, LocalDate date, LocalDate observedOn, String citation) {
        static HolidayView of(Holiday holiday) {
            return new HolidayView(holiday.name(), holiday.date(), holiday.observedOn(), holiday.citation());
        }
    }

    private final AgencyDirectory directory;

    private final Today today;

    private final RingWatchConfig config;
    private final ObjectMapper json;

    public StateApi(AgencyDirectory directory, Today today, RingWatchConfig config, ObjectMapper json) {
        this.directory = directory;
        this.today = today;
        this.config = config;
        this.json = json;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson"})
    @Operation(summary = "All 52 jurisdictions: the federal FOIA, the 50 states and DC, federal first",
            description = "52 items, all on one page unless limit asks for fewer. CSV and NDJSON as for every list. Reference data:"
                    + " no updated_since (it changes only when the seed does).")
    public Response list(@Parameter(description = ApiDocs.CURSOR, example = "djEfTlk") @QueryParam("cursor") String cursor,
            @BeanParam ListParams paging, @Context HttpHeaders headers, @Context UriInfo uri) {
        List<State> all = State.federalFirst();
        ListResponses.Ask ask = paging.ask(cursor, headers, all.size());
        Map<String, Long> counts = directory.countsByState();
        ListResponses.Source<State> rows = (after, size) -> {
            int from = after == null ? 0 : position(all, after) + 1;
            return all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
        };
        return ListResponses.respond(ask, new ListResponses.Shape<>(rows, s -> new StateSummary(s.code, s.name, s.kind,
                counts.getOrDefault(s.code, 0L), "/api/v1/states/" + s.code), StateSummary.class,
                s -> Cursor.encode(s.code)), uri, config, json);
    }

    private static int position(List<State> all, String cursor) {
        String code = Cursor.decode(cursor, 1).get(0);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).code.equals(code)) {
                return i;
            }
        }
        throw ApiProblem.badParameter("cursor", "cursor is not one this API issued");
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One jurisdiction with its public-records law and this year's legal holidays")
    @APIResponse(responseCode = "404", description = "No jurisdiction has that code")
    public StateDetail get(@Parameter(description = "USPS code (NY, DC) or US for the federal FOIA; any case",
            example = "NY") @PathParam("code") String code) {
        State state = State.findByCode(code)
                .orElseThrow(() -> ApiProblem.notFound("No state, district or federal jurisdiction has the code '"
                        + code + "'. Codes are USPS abbreviations (NY, DC) or US."));
        int year = today.date().getYear();
        return new StateDetail(state.code, state.name, state.kind,
                directory.countsByState().getOrDefault(state.code, 0L),
                RecordsLaw.currentFor(state.code).map(LawView::of).orElse(null),
                HolidayCalendar.observedIn(HolidayRule.forState(state.code), year).stream()
                        .map(HolidayView::of).toList());
    }
}
