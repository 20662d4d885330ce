package org.ringwatch.agreement;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ringwatch.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.account.Account;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.account.Role;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.IdOrder;
import org.ringwatch.api.IdSortParams;
import org.ringwatch.api.ListParams;
import org.ringwatch.api.ListResponses;
import org.ringwatch.api.SyncPosition;
import org.ringwatch.api.Syncs;
import org.ringwatch.api.Watermark;
import org.ringwatch.platform.RingWatchConfig;

import java.net.URI;
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
    private final ObjectMapper json;
    private final Syncs syncs;

    public AgreementApi(AgreementService service, AgreementViews views, AgreementAccess access,
            AgreementList agreements, AgreementTotals totals, CurrentAccount me, RingWatchConfig config,
            ObjectMapper json, Syncs syncs) {
        this.syncs = syncs;
        this.json = json;
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
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson"})
    @Operation(summary = "Agreements you may see, newest first, with keyset pagination (each without its comparison)",
            description = "clause filters on a clause that is on the paper (present or struck) unless clause_state says"
                    + " which; signed_from and signed_to are YYYY-MM-DD and compare with the signed date's first day. CSV"
                    + " and NDJSON as for every list (the CSV leaves out the lists of objects: the clauses are"
                    + " GET /api/v1/agreements/clauses, joined by agreement_id); all=true for the whole filtered list.")
    @APIResponse(responseCode = "400", description = "A bad filter, limit, cursor, format or all; parameter names it")
    public Response list(
            @BeanParam AgreementFilterParams filters, @BeanParam IdSortParams sorting,
            @Parameter(description = ApiDocs.CURSOR, example = "djEfMTIw") @QueryParam("cursor") String cursor,
            @BeanParam ListParams paging,
            @Parameter(description = ApiDocs.UPDATED_SINCE, example = ApiDocs.UPDATED_SINCE_EXAMPLE)
            @QueryParam(Watermark.PARAMETER) String updatedSince,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        ListResponses.Ask ask = paging.ask(cursor, headers);
        AgreementList.Filter filter = filters.filter();
        SyncPosition sync = syncs.start(updatedSince, ask.cursor());
        if (sync != null) {
            sorting.requireSyncOrder();
            return ListResponses.respondChanges(ask, ListResponses.Shape.changes(sync, (at, size) -> agreements
                    .changes(filter, at, size), a -> AgreementJson.of(views.summary(a)), AgreementJson.class), sync,
                    uri, config, json);
        }
        IdOrder order = sorting.order();
        return ListResponses.respond(ask, new ListResponses.Shape<>((after, size) -> agreements.page(filter, order, after,
                size), a -> AgreementJson.of(views.summary(a)), AgreementJson.class, AgreementList::cursorOf), uri,
                config, json);
    }

    @GET
    @Path("clauses")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson"})
    @Operation(summary = "The clauses of the agreements you may see, as a list of their own",
            description = "Every clause of the agreements GET /api/v1/agreements lists with the same filters, in its"
                    + " order (newest agreement first), each agreement's clauses by topic; agreement_id joins them to"
                    + " the agreements' CSV. A quote from a page withheld from you is null and its citation says"
                    + " withheld; each figure is a column of its own. CSV and NDJSON as for every list; all=true for"
                    + " the whole list.")
    @APIResponse(responseCode = "400", description = "A bad filter, limit, cursor, format or all; parameter names it")
    public Response clauses(
            @BeanParam AgreementFilterParams filters, @BeanParam IdSortParams sorting,
            @Parameter(description = ApiDocs.CURSOR, example = "djEfMTIwH2NvbmZpZGVudGlhbGl0eQ")
            @QueryParam("cursor") String cursor,
            @BeanParam ListParams paging,
            @Parameter(description = "Not on this list: a clause has no id of its own that outlives an edit, so"
                    + " sync GET /api/v1/agreements, each changed agreement carrying its clauses whole",
                    example = ApiDocs.UPDATED_SINCE_EXAMPLE)
            @QueryParam(Watermark.PARAMETER) String updatedSince,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        if (updatedSince != null) {
            throw ApiProblem.badParameter(Watermark.PARAMETER, "clauses are rewritten whole when their agreement is"
                    + " edited, so they have no id a tombstone could name: sync GET /api/v1/agreements?updated_since=…"
                    + " instead, whose changed agreements carry their clauses (and whose tombstones remove them)");
        }
        ListResponses.Ask ask = paging.ask(cursor, headers);
        AgreementList.Filter filter = filters.filter();
        IdOrder order = sorting.order();
        return ListResponses.respond(ask, new ListResponses.Shape<>((after, size) -> agreements.clauses(filter, order, after,
                size), AgreementJson.ListedClauseJson::of, AgreementJson.ListedClauseJson.class,
                AgreementList::cursorOf), uri, config, json);
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
}
