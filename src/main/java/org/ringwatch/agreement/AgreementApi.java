package org.ringwatch.agreement;

import org.ringwatch.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.account.Account;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.QueryDates;
import org.ringwatch.api.Cursor;
import org.ringwatch.api.Paging;
import org.ringwatch.platform.RingWatchConfig;
import org.ringwatch.state.State;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Agreements for journalists and volunteers' scripts. The same rules as the pages: the same
 * checks (a quote must be on its page), the same visibility (a draft is 404 to everyone but its
 * author and moderators), the same withheld citations. Writes need a personal token.
 */
@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Agreements between agencies and Ring, every clause cited to its page")
public class AgreementApi {

    private final AgreementService service;
    private final AgreementViews views;
    private final AgreementAccess access;
    private final AgreementList agreements;
    private final AgreementTotals totals;
    private final CurrentAccount me;
    private final RingWatchConfig config;

    public AgreementApi(AgreementService service, AgreementViews views, AgreementAccess access,
            AgreementList agreements, AgreementTotals totals, CurrentAccount me, RingWatchConfig config) {
        this.totals = totals;
        this.service = service;
        this.views = views;
        this.access = access;
        this.agreements = agreements;
        this.me = me;
        this.config = config;
    }

    /** The fixed lists the fields take their codes from. */
    public record VocabularyJson(List<Coded> kinds, List<Coded> counterparties, List<Coded> executions,
            List<Coded> endReasons, List<Coded> dateKinds, List<Coded> clauseStates, List<ClauseJson> clauses) {
        public record Coded(String code, String label) {
        }

        public record ClauseJson(String code, String label, List<String> figures) {
        }
    }

    @GET
    @Path("vocabulary")
    @Operation(summary = "The codes of kinds, counterparties, dates, clause states and clauses (with their figures)")
    public VocabularyJson vocabulary() {
        Function<Vocabulary.Coded[], List<VocabularyJson.Coded>> codes = values -> Arrays.stream(values)
                .map(v -> new VocabularyJson.Coded(v.code(), v.label())).toList();
        return new VocabularyJson(codes.apply(Vocabulary.Kind.values()), codes.apply(Vocabulary.Counterparty.values()),
                codes.apply(Vocabulary.Execution.values()), codes.apply(Vocabulary.EndReason.values()),
                codes.apply(Vocabulary.DateKind.values()), codes.apply(Vocabulary.ClauseState.values()),
                Arrays.stream(ClauseTopic.values()).map(t -> new VocabularyJson.ClauseJson(t.code(), t.label(),
                        t.figures().stream().map(Figure::code).toList())).toList());
    }

    /** Across published agreements: how many have each clause in each state, and the figures summed. */
    public record TotalsJson(List<ClauseCountJson> clauses, List<FigureJson> figures) {
        public record ClauseCountJson(String clause, String state, long agreements, String list) {
        }

        public record FigureJson(String figure, java.math.BigDecimal total, long agreements, String list) {
        }
    }

    @GET
    @Path("totals")
    @Operation(summary = "Counts and sums across published agreements, each with the list behind it")
    public TotalsJson totals() {
        AgreementTotals.Totals all = totals.totals();
        return new TotalsJson(all.clauses().stream().map(c -> new TotalsJson.ClauseCountJson(c.topic().code(),
                        c.state().code(), c.agreements(), "/api/v1/agreements?clause=" + c.topic().code()
                        + "&clause_state=" + c.state().code())).toList(),
                all.figures().stream().map(f -> new TotalsJson.FigureJson(f.figure().code(), f.total(), f.agreements(),
                        "/api/v1/agreements?clause=" + ClauseTopic.carrying(f.figure()).code() + "&clause_state=present"))
                        .toList());
    }

    @GET
    @Operation(summary = "Agreements you may see, newest first, with keyset pagination (each without its comparison)",
            description = "clause filters on a clause that is on the paper (present or struck) unless clause_state says"
                    + " which; signed_from and signed_to are YYYY-MM-DD and compare with the signed date's first day.")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor; parameter names it")
    public Response list(
            @Parameter(description = ApiDocs.STATE, example = ApiDocs.STATE_EXAMPLE) @QueryParam("state") String state,
            @Parameter(description = ApiDocs.AGENCY_KEY, example = ApiDocs.AGENCY_KEY_EXAMPLE)
            @QueryParam("agency") String agency,
            @Parameter(description = "A kind code, as /api/v1/agreements/vocabulary lists them", example = "mou")
            @QueryParam("kind") String kind,
            @Parameter(description = "A clause code, as /api/v1/agreements/vocabulary lists them",
                    example = "confidentiality") @QueryParam("clause") String clause,
            @Parameter(description = "With clause: present, struck, absent or unknown (default: present or struck)",
                    example = "present") @QueryParam("clause_state") String clauseState,
            @Parameter(description = "Signed on or after this day, YYYY-MM-DD", example = "2018-01-01")
            @QueryParam("signed_from") String signedFrom,
            @Parameter(description = "Signed on or before this day, YYYY-MM-DD", example = "2020-12-31")
            @QueryParam("signed_to") String signedTo,
            @Parameter(description = ApiDocs.CURSOR, example = "djEfMTIw") @QueryParam("cursor") String cursor,
            @Parameter(description = ApiDocs.LIMIT, example = ApiDocs.LIMIT_EXAMPLE) @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        int pageSize = Paging.limit(limit);
        String stateCode = blank(state) ? null : State.findByCode(state.strip()).map(s -> s.code)
                .orElseThrow(() -> ApiProblem.badParameter("state", "state '" + state + "' is not a USPS state code"));
        Long agencyId = blank(agency) ? null : Agency.findByKey(agency).map(a -> a.id).orElseThrow(() ->
                ApiProblem.badParameter("agency", "agency '" + agency + "' is not \"<state code>/<slug>\" of a known agency"));
        Vocabulary.Kind wantedKind = blank(kind) ? null : Vocabulary.fromCode(Vocabulary.Kind.class, kind)
                .orElseThrow(() -> ApiProblem.badParameter("kind", "kind '" + kind + "' is not one of "
                        + codes(Vocabulary.Kind.values())));
        ClauseTopic topic = blank(clause) ? null : Vocabulary.fromCode(ClauseTopic.class, clause)
                .orElseThrow(() -> ApiProblem.badParameter("clause", "clause '" + clause + "' is not one of "
                        + codes(ClauseTopic.values())));
        Vocabulary.ClauseState wantedState = blank(clauseState) ? null
                : Vocabulary.fromCode(Vocabulary.ClauseState.class, clauseState).orElseThrow(() -> ApiProblem
                        .badParameter("clause_state", "clause_state '" + clauseState + "' is not one of "
                                + codes(Vocabulary.ClauseState.values())));
        if (wantedState != null && topic == null) {
            throw ApiProblem.badParameter("clause_state", "clause_state needs clause");
        }
        Long after = null;
        if (!blank(cursor)) {
            try {
                after = Long.parseLong(Cursor.decode(cursor.strip(), 1).get(0));
            } catch (NumberFormatException e) {
                throw ApiProblem.badParameter("cursor", "cursor is not one this API issued");
            }
        }
        List<Agreement> rows = agreements.page(new AgreementList.Filter(stateCode, agencyId, wantedKind, topic,
                wantedState, QueryDates.parse("signed_from", signedFrom), QueryDates.parse("signed_to", signedTo),
                after), pageSize + 1);
        return Paging.respond(rows, pageSize, a -> AgreementJson.of(views.summary(a)),
                a -> Cursor.encode(String.valueOf(a.id)), uri, config);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One agreement with its clauses, citations (document, SHA-256, page) and dates")
    @APIResponse(responseCode = "404", description = "No such agreement, or a draft you may not see")
    public AgreementJson get(@Parameter(description = ApiDocs.AGREEMENT_ID, example = ApiDocs.ID_EXAMPLE)
            @PathParam("id") long id) {
        return AgreementJson.of(views.find(id).orElseThrow(() -> notFound(id)));
    }

    @POST
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Record an agreement (a draft) from documents you may see",
            description = "evidence lists document ids; every date and quoted clause cites one of them and a page it"
                    + " has. A quote must be on its page unless checked_by_eye is true.")
    @APIResponse(responseCode = "201", description = "The draft; Location points at it")
    @APIResponse(responseCode = "422", description = "Fields are not valid; errors names them")
    public Response create(AgreementBody body) {
        if (body == null) {
            throw ApiProblem.invalid(Map.of("evidence", "Send the agreement as JSON."));
        }
        Map<String, String> unknown = new LinkedHashMap<>();
        AgreementInput input = body.toInput(unknown);
        AgreementService.Result result = unknown.isEmpty() ? service.create(me.require(), input) : null;
        if (result == null || result.failed()) {
            throw ApiProblem.invalid(result == null ? unknown : result.errors());
        }
        return Response.created(URI.create("/api/v1/agreements/" + result.value().id))
                .entity(reloaded(result.value().id)).build();
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Change an agreement: fields left out keep their values",
            description = "Its author while it is a draft; moderators always.")
    @APIResponse(responseCode = "404", description = "No such agreement, or a draft you may not see")
    @APIResponse(responseCode = "403", description = "You may see it but not change it")
    @APIResponse(responseCode = "422", description = "Fields are not valid; errors names them")
    public AgreementJson update(@Parameter(description = ApiDocs.AGREEMENT_ID, example = ApiDocs.ID_EXAMPLE)
            @PathParam("id") long id, AgreementBody body) {
        Agreement agreement = access.find(id).orElseThrow(() -> notFound(id));
        if (!access.canEdit(agreement)) {
            throw ApiProblem.of(403, "Forbidden", "Only its author (while it is a draft) and moderators change an agreement.");
        }
        if (body == null) {
            throw ApiProblem.invalid(Map.of("agreement", "Send the changes as JSON."));
        }
        Map<String, String> unknown = new LinkedHashMap<>();
        AgreementInput input = body.over(AgreementInput.of(agreement), unknown);
        AgreementService.Result result = unknown.isEmpty() ? service.update(me.require(), id, input) : null;
        if (result == null || result.failed()) {
            throw ApiProblem.invalid(result == null ? unknown : result.errors());
        }
        return reloaded(id);
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed(Role.MODERATOR_NAME)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Publish a draft: only when every document it cites is public and no cited page is withheld")
    @APIResponse(responseCode = "409", description = "It cites something the public may not read; detail says what")
    public AgreementJson publish(@Parameter(description = ApiDocs.AGREEMENT_ID, example = ApiDocs.ID_EXAMPLE)
            @PathParam("id") long id) {
        return moderate(id, service::publish);
    }

    @POST
    @Path("{id}/template")
    @RolesAllowed(Role.MODERATOR_NAME)
    @SecurityRequirement(name = "token")
    @Operation(summary = "Make a published agreement the template its kind is compared with")
    @APIResponse(responseCode = "409", description = "It is not published")
    public AgreementJson markTemplate(@Parameter(description = ApiDocs.AGREEMENT_ID, example = ApiDocs.ID_EXAMPLE)
            @PathParam("id") long id) {
        return moderate(id, service::markTemplate);
    }

    /** A moderator's action on an agreement they can see; a refusal is a 409 with the reason. */
    private AgreementJson moderate(long id, java.util.function.BiFunction<Account, Long, AgreementService.Result> action) {
        access.find(id).orElseThrow(() -> notFound(id));
        AgreementService.Result result = action.apply(me.require(), id);
        if (result.failed()) {
            throw ApiProblem.of(409, "Conflict", String.join(" ", result.errors().values()));
        }
        return reloaded(id);
    }

    private AgreementJson reloaded(long id) {
        return AgreementJson.of(views.findChanged(id).orElseThrow(() -> notFound(id)));
    }

    private static RuntimeException notFound(long id) {
        return ApiProblem.notFound("No agreement " + id + " that you may see.");
    }

    private static List<String> codes(Vocabulary.Coded[] values) {
        return Arrays.stream(values).map(Vocabulary.Coded::code).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
