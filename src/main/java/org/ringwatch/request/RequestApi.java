package org.ringwatch.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ringwatch.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import org.ringwatch.api.Cursor;
import org.ringwatch.api.Paging;
import org.ringwatch.platform.RingWatchConfig;
import org.ringwatch.state.State;

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

    /** An entry of the log; {@code is_private} appears only to those who may see private entries. */
    @Schema(description = "An entry of a request's log")
    public record EventJson(long id, LocalDate date, String direction, String channel, String subject, String body,
            String status, String exemptionCited, BigDecimal fee, BigDecimal feePaid, Boolean isPrivate) {

        static EventJson of(RequestEvent e, boolean canSeePrivate) {
            return new EventJson(e.id, e.occurredOn, e.direction, e.channel, e.subject, e.body, e.statusTo,
                    e.exemptionCited, e.feeQuoted, e.feePaid, canSeePrivate ? e.isPrivate : null);
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

        static RequestJson of(RequestView view) {
            RecordsRequest r = view.request();
            DeadlineCalculator.Reckoning d = view.deadline();
            return new RequestJson(r.id, r.agency.stateCode + "/" + r.agency.slug, r.agency.name, r.title,
                    r.recordsSought, r.status, r.filedOn, d.dueDate(), d.explanation(), d.overdue(), d.paused(),
                    d.appealPossible(), r.requester.displayName, view.trackingNumbers(),
                    view.events().stream().map(e -> EventJson.of(e, view.canSeePrivate())).toList(),
                    view.canSeePrivate() ? r.embargoUntil : null, view.privateNotes(), "/requests/" + r.id);
        }
    }

    private final RequestService service;
    private final RequestViews views;
    private final RequestList requestList;
    private final CurrentAccount me;
    private final RingWatchConfig config;

    public RequestApi(RequestService service, RequestViews views, RequestList requestList, CurrentAccount me,
            RingWatchConfig config) {
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
                .entity(RequestJson.of(views.view(RecordsRequest.findWithAgency(result.value().id).orElseThrow())))
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
                .entity(EventJson.of(result.value(), true)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One request with its log and deadline; private fields only for the requester and moderators")
    @APIResponse(responseCode = "404", description = "No such request, or not visible to you")
    public RequestJson get(@Parameter(description = ApiDocs.REQUEST_ID, example = ApiDocs.ID_EXAMPLE)
            @PathParam("id") long id) {
        try {
            return RequestJson.of(views.load(id));
        } catch (NotFoundException e) {
            throw ApiProblem.notFound("No request " + id + " that you may see.");
        }
    }

    @GET
    @Operation(summary = "Requests you may see, newest first, with keyset pagination")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor; parameter names it")
    public Response list(
            @Parameter(description = ApiDocs.AGENCY_KEY, example = ApiDocs.AGENCY_KEY_EXAMPLE)
            @QueryParam("agency") String agencyKey,
            @Parameter(description = "USPS code of a state or DC, or US for federal agencies; any case",
                    example = ApiDocs.STATE_EXAMPLE) @QueryParam("state") String state,
            @Parameter(description = "A request status code (draft, filed, acknowledged, ...)", example = "filed")
            @QueryParam("status") String status,
            @Parameter(description = "true: only requests past their statutory due date; false: only those not",
                    example = "true") @QueryParam("overdue") String overdue,
            @Parameter(description = ApiDocs.CURSOR, example = "djEfMTIw") @QueryParam("cursor") String cursor,
            @Parameter(description = ApiDocs.LIMIT, example = ApiDocs.LIMIT_EXAMPLE) @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        int pageSize = Paging.limit(limit);
        Long agencyId = null;
        if (agencyKey != null && !agencyKey.isBlank()) {
            agencyId = Agency.findByKey(agencyKey).map(a -> a.id).orElseThrow(() -> ApiProblem.badParameter("agency",
                    "agency '" + agencyKey + "' is not \"<state code>/<slug>\" of a known agency"));
        }
        String stateCode = null;
        if (state != null && !state.isBlank()) {
            stateCode = State.findByCode(state.strip()).map(s -> s.code).orElseThrow(() ->
                    ApiProblem.badParameter("state", "state '" + state + "' is not a USPS state code"));
        }
        RequestStatus wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = RequestStatus.fromCode(status).orElseThrow(() -> ApiProblem.badParameter("status",
                    "status '" + status + "' is not one of " + java.util.Arrays.stream(RequestStatus.values())
                            .map(RequestStatus::code).toList()));
        }
        Boolean overdueWanted = null;
        if (overdue != null && !overdue.isBlank()) {
            if (!overdue.equals("true") && !overdue.equals("false")) {
                throw ApiProblem.badParameter("overdue", "overdue must be true or false");
            }
            overdueWanted = Boolean.valueOf(overdue);
        }
        Long after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Long.parseLong(Cursor.decode(cursor.strip(), 1).get(0));
            } catch (NumberFormatException e) {
                throw ApiProblem.badParameter("cursor", "cursor is not one this API issued");
            }
        }
        List<RecordsRequest> rows = requestList.page(
                new RequestList.Filter(agencyId, stateCode, wanted, overdueWanted, after), pageSize);
        return Paging.respond(rows, pageSize, r -> RequestJson.of(views.view(r)), r -> Cursor.encode(
                String.valueOf(r.id)), uri, config);
    }
}
