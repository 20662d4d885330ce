package org.ringwatch.agreement;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.account.Role;
import org.ringwatch.web.Flash;

import java.util.List;
import java.util.Map;

/**
 * Agreements in the browser: the list, an agreement's page at its stable address, the form that
 * records one (opened from a document: {@link AgreementEntryPages}) and changes it, publishing and
 * choosing its kind's template. A draft is a 404 to anyone who may not see it.
 */
@Path("/agreements")
@Produces(MediaType.TEXT_HTML)
public class AgreementPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance agreement(AgreementView view, String problem);

        static native TemplateInstance list(List<AgreementTable.Row> agreements, AgreementTable.Filter filter,
                String problem, int limit);

        static native TemplateInstance totals(AgreementTotals.Totals totals);
    }

    private static final String PRIVATE = "private, no-store";

    private final AgreementService service;
    private final AgreementViews views;
    private final AgreementAccess access;
    private final AgreementEditor editor;
    private final AgreementTable list;
    private final AgreementTotals totals;
    private final CurrentAccount me;

    public AgreementPages(AgreementService service, AgreementViews views, AgreementAccess access,
            AgreementEditor editor, AgreementTable list, AgreementTotals totals, CurrentAccount me) {
        this.totals = totals;
        this.service = service;
        this.views = views;
        this.access = access;
        this.editor = editor;
        this.list = list;
        this.me = me;
    }

    @GET
    public Response list(@QueryParam("state") String state, @QueryParam("kind") String kind,
            @QueryParam("clause") String clause, @QueryParam("clause_state") String clauseState) {
        AgreementTable.Filter filter;
        try {
            filter = AgreementTable.Filter.parse(state, kind, clause, clauseState);
        } catch (IllegalArgumentException bad) {
            return Response.status(400).entity(Templates.list(List.of(), new AgreementTable.Filter(null, null, null,
                    null), bad.getMessage(), AgreementTable.LIMIT)).build();
        }
        return Response.ok(Templates.list(list.visible(filter), filter, null, AgreementTable.LIMIT)).build();
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        AgreementFormFields fields = AgreementFormFields.typed(form);
        AgreementService.Result result = service.create(me.require(), fields.input());
        if (result.failed()) {
            return Response.status(400).entity(editor.create(fields, result.errors())).build();
        }
        return Flash.redirect("/agreements/" + result.value().id,
                "Agreement saved as a draft: only you and moderators see it until a moderator publishes it.");
    }

    /** Across published agreements: each clause's count by state and the figures summed, each linked to its list. */
    @GET
    @Path("totals")
    public TemplateInstance totals() {
        return Templates.totals(totals.totals());
    }

    @GET
    @Path("{id}")
    public Response show(@PathParam("id") long id) {
        return page(views.find(id).orElseThrow(NotFoundException::new), 200, null);
    }

    @GET
    @Path("{id}/edit")
    @Authenticated
    public TemplateInstance edit(@PathParam("id") long id) {
        return editor.edit(id, AgreementFormFields.of(editable(id)), Map.of());
    }

    @POST
    @Path("{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        editable(id);
        AgreementFormFields fields = AgreementFormFields.typed(form);
        AgreementService.Result result = service.update(me.require(), id, fields.input());
        if (result.failed()) {
            return Response.status(400).entity(editor.edit(id, fields, result.errors())).build();
        }
        return Flash.redirect("/agreements/" + id, "Agreement saved.");
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") long id) {
        views.find(id).orElseThrow(NotFoundException::new);
        return refusedOr(id, service.publish(me.require(), id), "Published: anyone may read this agreement now.");
    }

    @POST
    @Path("{id}/template")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response template(@PathParam("id") long id) {
        views.find(id).orElseThrow(NotFoundException::new);
        return refusedOr(id, service.markTemplate(me.require(), id),
                "This agreement is now the template its kind is compared with.");
    }

    /** 303 to the agreement with {@code done}, or its page again (409) saying why the service refused. */
    private Response refusedOr(long id, AgreementService.Result result, String done) {
        if (result.failed()) {
            return page(views.find(id).orElseThrow(NotFoundException::new), 409,
                    String.join(" ", result.errors().values()));
        }
        return Flash.redirect("/agreements/" + id, done);
    }

    private Response page(AgreementView view, int status, String problem) {
        Response.ResponseBuilder response = Response.status(status).entity(Templates.agreement(view, problem));
        // A draft is its author's and the moderators': never kept by a shared cache.
        return (view.agreement().isPublished() ? response : response.header("Cache-Control", PRIVATE)).build();
    }

    /** The agreement if this viewer may change it: 404 when they may not see it, 403 when they only may read it. */
    private Agreement editable(long id) {
        Agreement agreement = access.find(id).orElseThrow(NotFoundException::new);
        if (!access.canEdit(agreement)) {
            throw new ForbiddenException();
        }
        return agreement;
    }
}
