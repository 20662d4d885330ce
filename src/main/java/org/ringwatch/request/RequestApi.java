package org.ringwatch.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ringwatch.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.IdOrder;
import org.ringwatch.api.IdSortParams;
import org.ringwatch.api.ListParams;
import org.ringwatch.api.ListResponses;
import org.ringwatch.api.SyncPosition;
import org.ringwatch.api.Syncs;
import org.ringwatch.api.Watermark;
import org.ringwatch.platform.RingWatchConfig;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Records requests for volunteers' scripts and journalists. The same rules as the forms: the
 * same validation, the same transitions, the same visibility. Writes need a personal token.
 */
@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests", description = "Public-records requests and their correspondence")
@SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal token from POST /api/v1/tokens or the account page")
public class RequestApi {

    @Schema(description = "A new request: the agency, a title and the records sought; the letter is drafted from"
            + " them and the agency's law", example = "{\"agency\": \"IL/aurora-police-department\", \"title\":"
            + " \"Ring partnership agreement\", \"records\": \"The agreement with Ring LLC and its amendments\","
            + " \"fee_waiver\": true, \"allow_duplicate\": false}")
    public record NewRequest(String agency, String title, String records, Boolean feeWaiver, Boolean allowDuplicate) {
    }

    @Schema(description = "A correspondence entry; status, when given, moves the request along its transitions",
            example = "{\"date\": \"2026-03-02\", \"direction\": \"received\", \"channel\": \"email\","
                    + " \"subject\": \"Acknowledgement\", \"body\": \"Your request was received.\","
                    + " \"status\": \"acknowledged\", \"tracking_numbers\": [\"R-2026-114\"]}")
    public record NewEvent(String date, String direction, String channel, String subject, String body, String status,
            String exemptionCited, List<String> trackingNumbers, BigDecimal fee, BigDecimal feePaid, Boolean isPrivate) {
    }

    /**
     * An entry of a request's log. {@code is_private} appears only to those who may see private
     * entries; {@code documents} are the ids of the files that came with it that the viewer may see.
     */
    @Schema(description = "An entry of a request's log, with the ids of the documents that came with it")
    public record EventJson(long requestId, long id, LocalDate date, String direction, String channel, String subject,
            String body, String status, String exemptionCited, BigDecimal fee, BigDecimal feePaid, Boolean isPrivate,
            List<Long> documents) {

        static EventJson of(RequestEvent e, boolean canSeePrivate, List<Long> documents) {
            return new EventJson(e.request.id, e.id, e.occurredOn, e.direction, e.channel, e.subject, e.body,
                    e.statusTo, e.exemptionCited, e.feeQuoted, e.feePaid, canSeePrivate ? e.isPrivate : null, documents);
        }

        static EventJson of(RequestList.ListedEvent listed) {
            return of(listed.event(), listed.view().canSeePrivate(), listed.documents());
        }
    }

    /**
     * A request. {@code due_date} is null when the law sets no number of days, when the clock is
     * paused, or when nothing statutory is pending; {@code due_explanation} always says which.
     * {@code private_notes} and {@code embargo_until} appear only to the requester and moderators.
     */
    @Schema(description = "A request with its deadline and its log")
    public record RequestJson(long id, String agency, String agencyName, String title, String records, String status,
            LocalDate filedDate, LocalDate dueDate, String dueExplanation, boolean overdue, boolean paused,
            boolean appealPossible, String requester, List<String> trackingNumbers, List<EventJson> events,
            LocalDate embargoUntil, String privateNotes, String page) {

        /** @param documents the ids of the documents the viewer may see, by the entry they came with */
        static RequestJson of(RequestView view, Map<Long, List<Long>> documents) {
            RecordsRequest r = view.request();
            DeadlineCalculator.Reckoning d = view.deadline();
            return new RequestJson(r.id, r.agency.stateCode + "/" + r.agency.slug, r.agency.name, r.title,
                    r.recordsSought, r.status, r.filedOn, d.dueDate(), d.explanation(), d.overdue(), d.paused(),
                    d.appealPossible(), r.requester.displayName, view.trackingNumbers(),
                    view.events().stream().map(e -> EventJson.of(e, view.canSeePrivate(),
                            documents.getOrDefault(e.id, List.of()))).toList(),
                    view.canSeePrivate() ? r.embargoUntil : null, view.privateNotes(), "/requests/" + r.id);
        }
    }

    private final RequestService service;
    private final RequestViews views;
    private final RequestList requestList;
    private final CurrentAccount me;
    private final RingWatchConfig config;
    private final ObjectMapper json;
    private final Syncs syncs;

    public RequestApi(RequestService service, RequestViews views, RequestList requestList, CurrentAccount me,
            RingWatchConfig config, ObjectMapper json, Syncs syncs) {
        this.syncs = syncs;
        this.json = json;
        this.service = service;
        this.views = views;
        this.requestList = requestList;
        this.me = me;
        this.config = config;
    }

    @POST
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Start a request (a draft with its letter)",
            description = "agency is \"<state code>/<agency slug>\". Answers 409 when another open request targets the"
                    + " agency, unless allow_duplicate is true.")
    @APIResponse(responseCode = "201", description = "The request; Location points at it")
    @APIResponse(responseCode = "409", description = "Another open request targets this agency")
    @APIResponse(responseCode = "422", description = "Fields are not valid; errors names them")
    public Response create(NewRequest body) {
        if (body == null) {
            throw ApiProblem.invalid(Map.of("agency", "Send the request as JSON."));
        }
        Agency agency = Agency.findByKey(body.agency()).orElse(null);
        if (agency == null) {
            throw ApiProblem.invalid(Map.of("agency", "No agency \"" + body.agency()
                    + "\"; give \"<state code>/<agency slug>\" as in /api/v1/agencies."));
        }
        OpenRequests others = views.openTo(agency);
        if (!others.isEmpty() && !Boolean.TRUE.equals(body.allowDuplicate())) {
            throw ApiProblem.of(409, "Conflict", "Another open request targets " + agency.name + " ("
                    + others.describe() + "). Follow it, or send allow_duplicate: true to file your own.");
        }
        RequestService.Result<RecordsRequest> result = service.create(me.require(), agency, body.title(),
                body.records(), body.feeWaiver() == null || body.feeWaiver());
        if (result.failed()) {
            throw ApiProblem.invalid(result.errors());
        }
        return Response.created(URI.create("/api/v1/requests/" + result.value().id))
                .entity(json(views.view(RecordsRequest.findWithAgency(result.value().id).orElseThrow())))
                .build();
    }

    @POST
    @Path("{id}/events")
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Log a correspondence entry, optionally moving the request to a new status",
            description = "direction is sent, received or note; channel one of email, portal, mail, fax, phone,"
                    + " in_person; status one of the request statuses, allowed only along the documented transitions.")
    @APIResponse(responseCode = "201", description = "The entry")
    @APIResponse(responseCode = "422", description = "Fields are not valid, or the status change is not allowed")
    public Response log(@Parameter(description = ApiDocs.REQUEST_ID, example = ApiDocs.ID_EXAMPLE)
            @PathParam("id") long id, NewEvent body) {
        RequestView view = views.load(id);
        if (!view.canChange()) {
            throw ApiProblem.of(403, "Forbidden", "Only the requester and moderators log entries on a request.");
        }
        if (body == null) {
            throw ApiProblem.invalid(Map.of("date", "Send the entry as JSON."));
        }
        EventInput input = new EventInput(body.date(), body.direction(), body.channel(), body.subject(), body.body(),
                body.status(), body.exemptionCited(), body.trackingNumbers(),
                body.fee() == null ? null : body.fee().toPlainString(),
                body.feePaid() == null ? null : body.feePaid().toPlainString(), Boolean.TRUE.equals(body.isPrivate()));
        RequestService.Result<RequestEvent> result = service.log(me.require(), id, input);
        if (result.failed()) {
            throw ApiProblem.invalid(result.errors());
        }
        return Response.created(URI.create("/api/v1/requests/" + id + "#event-" + result.value().id))
                .entity(EventJson.of(result.value(), true, List.of())).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One request with its log and deadline; private fields only for the requester and moderators")
    @APIResponse(responseCode = "404", description = "No such request, or not visible to you")
    public RequestJson get(@Parameter(description = ApiDocs.REQUEST_ID, example = ApiDocs.ID_EXAMPLE)
            @PathParam("id") long id) {
        try {
            return json(views.load(id));
        } catch (NotFoundException e) {
            throw ApiProblem.notFound("No request " + id + " that you may see.");
        }
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson"})
    @Operation(summary = "Requests you may see, newest first, with keyset pagination",
            description = "Each as GET /api/v1/requests/{id} gives it. Follow \"next\" until it is null; CSV and NDJSON"
                    + " as for every list (the CSV leaves the events out: GET /api/v1/requests/events has them, joined by"
                    + " request_id); all=true for the whole filtered list.")
    @APIResponse(responseCode = "400", description = "A bad filter, limit, cursor, format or all; parameter names it")
    public Response list(
            @BeanParam RequestFilterParams filters, @BeanParam IdSortParams sorting,
            @Parameter(description = ApiDocs.CURSOR, example = "djEfMTIw") @QueryParam("cursor") String cursor,
            @BeanParam ListParams paging,
            @Parameter(description = ApiDocs.UPDATED_SINCE, example = ApiDocs.UPDATED_SINCE_EXAMPLE)
            @QueryParam(Watermark.PARAMETER) String updatedSince,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        ListResponses.Ask ask = paging.ask(cursor, headers);
        RequestList.Filter filter = filters.filter();
        SyncPosition sync = syncs.start(updatedSince, ask.cursor());
        if (sync != null) {
            sorting.requireSyncOrder();
            return ListResponses.respondChanges(ask, ListResponses.Shape.changes(sync, (at, size) -> requestList
                    .changes(filter, at, size), r -> json(views.view(r)), RequestJson.class), sync, uri, config, json);
        }
        IdOrder order = sorting.order();
        return ListResponses.respond(ask, new ListResponses.Shape<>((after, size) -> requestList.page(filter, order, after,
                size), r -> json(views.view(r)), RequestJson.class, RequestList::cursorOf), uri, config, json);
    }

    @GET
    @Path("events")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson"})
    @Operation(summary = "The log entries of the requests you may see, as a list of their own",
            description = "Filtered like GET /api/v1/requests and in its order (newest request first), each request's"
                    + " entries in the order they were logged; request_id joins them to the requests' CSV. Only the"
                    + " entries you may see of each request; documents are the ids of the files that came with an"
                    + " entry that you may see. CSV and NDJSON as for every list; all=true for the whole list.")
    @APIResponse(responseCode = "400", description = "A bad filter, limit, cursor, format or all; parameter names it")
    public Response events(
            @BeanParam RequestFilterParams filters, @BeanParam IdSortParams sorting,
            @Parameter(description = ApiDocs.CURSOR, example = "djEfMTIwHzM0NQ") @QueryParam("cursor") String cursor,
            @BeanParam ListParams paging,
            @Parameter(description = ApiDocs.UPDATED_SINCE, example = ApiDocs.UPDATED_SINCE_EXAMPLE)
            @QueryParam(Watermark.PARAMETER) String updatedSince,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        ListResponses.Ask ask = paging.ask(cursor, headers);
        RequestList.Filter filter = filters.filter();
        SyncPosition sync = syncs.start(updatedSince, ask.cursor());
        if (sync != null) {
            sorting.requireSyncOrder();
            return ListResponses.respondChanges(ask, ListResponses.Shape.changes(sync, (at, size) -> requestList
                    .eventChanges(filter, at, size), EventJson::of, EventJson.class), sync, uri, config, json);
        }
        IdOrder order = sorting.order();
        return ListResponses.respond(ask, new ListResponses.Shape<>((after, size) -> requestList.events(filter, order, after,
                size), EventJson::of, EventJson.class, RequestList::cursorOf), uri, config, json);
    }

    private RequestJson json(RequestView view) {
        return RequestJson.of(view, requestList.documentsByEvent(view.request()));
    }
}
