package org.ringwatch.agency;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.agency.AgencyDirectory.AgencyRow;
import org.ringwatch.agency.AgencyDirectory.Position;
import org.ringwatch.api.ApiDocs;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.Cursor;
import org.ringwatch.api.LastModified;
import org.ringwatch.api.ListParams;
import org.ringwatch.api.ListResponses;
import org.ringwatch.api.SyncPosition;
import org.ringwatch.api.Syncs;
import org.ringwatch.api.Watermark;
import org.ringwatch.api.Problem;
import org.ringwatch.platform.RingWatchConfig;
import org.ringwatch.state.Source;
import org.ringwatch.state.State;

import java.util.List;

/** Agencies and their Ring partnership facts. */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies", description = "Police and sheriff's agencies and their Ring partnership facts")
public class AgencyApi {

    /** A date at its known precision: {@code date} is ISO at that precision ("2020-09" for a month). */
    public record DateView(String date, String precision) {
        static DateView of(PartialDate date) {
            return date == null ? null : new DateView(date.iso(), date.precision());
        }
    }

    public record AgencySummary(String state, String slug, String name, String kind, String city,
            DateView firstActive, String url) {
        static AgencySummary of(AgencyRow row) {
            return new AgencySummary(row.stateCode(), row.slug(), row.name(), row.kind(), row.cityName(),
                    DateView.of(row.firstActive()), "/api/v1/agencies/" + row.stateCode() + "/" + row.slug());
        }
    }

    public record SourceView(String url, String title, String publisher, String licence, String retrieved) {
        static SourceView of(Source source) {
            return new SourceView(source.url, source.title, source.publisher, source.licence, source.retrieved);
        }
    }

    public record FactView(String kind, DateView date, String statement, String sourceRecord, SourceView source) {
        static FactView of(PartnershipFact fact) {
            return new FactView(fact.kind, DateView.of(fact.date()), fact.statement, fact.sourceRecord,
                    SourceView.of(fact.source));
        }
    }

    public record LinkView(String url, String publisher, String dated) {
        static LinkView of(AgencyLink link) {
            return new LinkView(link.url, link.publisher, link.dated == null ? null : link.dated.toString());
        }
    }

    public record AgencyDetail(String state, String slug, String name, String kind, String kindAsWritten,
            String jurisdictionLevel, String city, List<String> counties, String recordsEmail,
            String recordsPortalUrl, String recordsPostalAddress, String website, List<FactView> facts,
            List<LinkView> links, String page) {
    }

    private final AgencyDirectory directory;
    private final RingWatchConfig config;
    private final ObjectMapper json;
    private final Syncs syncs;

    public AgencyApi(AgencyDirectory directory, RingWatchConfig config, ObjectMapper json, Syncs syncs) {
        this.syncs = syncs;
        this.directory = directory;
        this.config = config;
        this.json = json;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson"})
    @Operation(summary = "Agencies, in state and name order, with keyset pagination",
            description = "Follow \"next\" (also sent as a Link rel=\"next\" header) until it is null. CSV with"
                    + " Accept: text/csv or format=csv, NDJSON with Accept: application/x-ndjson or format=ndjson;"
                    + " all=true answers the whole filtered list at once, streamed.")
    @APIResponse(responseCode = "200", description = "A page of agencies: {\"items\": [...], \"next\": url or null}")
    @APIResponse(responseCode = "400", description = "A bad state, limit, cursor, format or all; \"parameter\" names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = ApiDocs.STATE, example = ApiDocs.STATE_EXAMPLE) @QueryParam("state") String state,
            @Parameter(description = "Part of the name; case- and accent-insensitive", example = "aurora")
            @QueryParam("q") String q,
            @Parameter(description = ApiDocs.CURSOR, example = "djEfSUwfYXVyb3JhLXBvbGljZS1kZXBhcnRtZW50")
            @QueryParam("cursor") String cursor,
            @BeanParam ListParams paging,
            @Parameter(description = ApiDocs.UPDATED_SINCE + ". Agencies are never tombstones: once seeded, they stay",
                    example = ApiDocs.UPDATED_SINCE_EXAMPLE) @QueryParam(Watermark.PARAMETER) String updatedSince,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        ListResponses.Ask ask = paging.ask(cursor, headers);
        String inState = State.parameter(state);
        String nameQuery = q == null || q.isBlank() ? null : q.strip();
        SyncPosition sync = syncs.start(updatedSince, ask.cursor());
        if (sync != null) {
            return ListResponses.respondChanges(ask, ListResponses.Shape.changes(sync, (at, size) -> directory.changes(
                    inState, nameQuery, at, size), AgencySummary::of, AgencySummary.class), sync, uri, config, json);
        }
        ListResponses.Source<AgencyRow> rows = (after, size) -> directory.page(inState, nameQuery, position(after), size);
        return ListResponses.respond(ask, new ListResponses.Shape<>(rows, AgencySummary::of, AgencySummary.class,
                row -> Cursor.encode(row.stateCode(), row.slug())), uri, config, json);
    }

    private static Position position(String cursor) {
        if (cursor == null) {
            return null;
        }
        List<String> keys = Cursor.decode(cursor, 2);
        return new Position(keys.get(0), keys.get(1));
    }

    @GET
    @Path("{state}/{slug}")
    @Operation(summary = "One agency with every partnership fact and its source",
            description = "Last-Modified is when it, its facts, links or counties last changed; If-Modified-Since or"
                    + " If-None-Match (its ETag) answer 304 while they have not.")
    @APIResponse(responseCode = "200", description = "The agency",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyDetail.class)))
    @APIResponse(responseCode = "404", description = "No such agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = ApiDocs.STATE, example = ApiDocs.STATE_EXAMPLE)
            @PathParam("state") String state,
            @Parameter(description = ApiDocs.SLUG, example = ApiDocs.SLUG_EXAMPLE) @PathParam("slug") String slug) {
        Agency agency = State.findByCode(state).flatMap(s -> Agency.findBySlug(s.code, slug))
                .orElseThrow(() -> ApiProblem.notFound("No agency '" + slug + "' in state '" + state + "'."));
        return LastModified.of(Response.ok(new AgencyDetail(agency.stateCode, agency.slug, agency.name, agency.kind, agency.kindAsWritten,
                agency.jurisdictionLevel, agency.city == null ? null : agency.city.name,
                agency.counties.stream().map(c -> c.name).toList(), agency.recordsEmail, agency.recordsPortalUrl,
                agency.recordsPostalAddress, agency.websiteUrl,
                PartnershipFact.forAgency(agency).stream().map(FactView::of).toList(),
                AgencyLink.forAgency(agency).stream().map(LinkView::of).toList(), agency.urlPath())), agency.changedAt)
                .build();
    }
}
