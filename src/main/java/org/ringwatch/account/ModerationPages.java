package org.ringwatch.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.ringwatch.audit.AuditLog;
import org.ringwatch.platform.RingWatchConfig;
import org.ringwatch.platform.SiteAddress;
import org.ringwatch.web.Flash;

import java.util.List;
import java.util.Map;

/** Moderators' and admins' pages: invitations, people and roles, the audit log. */
@Path("/moderation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.MODERATOR_NAME)
public class ModerationPages {

    /** Audit entries on one page; the page links the older ones. */
    static final int AUDIT_PAGE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index();

        static native TemplateInstance invitations(List<Invitation> invitations, String email, String role,
                String days, Map<String, String> errors, String link, List<Role> grantable);

        static native TemplateInstance users(List<Account> accounts, Map<String, String> errors,
                List<KeyRow> readKeys, String readRates);

        static native TemplateInstance audit(List<AuditLog.Line> entries, Long older);
    }

    /** A read key on the people page: the limit as its form shows it, and that form's error if it came back. */
    public record KeyRow(ApiToken key, String limit, String error) {
    }

    private final CurrentAccount me;
    private final AccountService accounts;
    private final RingWatchConfig config;
    private final AuditLog auditLog;
    private final ReadLimits limits;

    public ModerationPages(CurrentAccount me, AccountService accounts, RingWatchConfig config, AuditLog auditLog,
            ReadLimits limits) {
        this.me = me;
        this.accounts = accounts;
        this.config = config;
        this.auditLog = auditLog;
        this.limits = limits;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index();
    }

    @GET
    @Path("invitations")
    public TemplateInstance invitations() {
        return Templates.invitations(Invitation.latest(), "", Role.VOLUNTEER.code(), "14", Map.of(), null, grantable());
    }

    /** The link is shown in this response only; only its hash is stored. */
    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@RestForm String email, @RestForm String role, @RestForm String days,
            @Context UriInfo uri) {
        int validDays = parseDays(days);
        AccountService.Result<Invitation.Issued> result = accounts.invite(me.require(), email, role, validDays);
        if (result.failed()) {
            return Response.status(422).entity(Templates.invitations(Invitation.latest(), email, role, days,
                    result.errors(), null, grantable())).build();
        }
        // Behind a proxy the request's own address is the proxy's view; the configured public URL is the invitee's.
        String base = SiteAddress.of(config, uri.getBaseUri());
        String link = base + "/invitations/" + result.value().token();
        return Response.ok(Templates.invitations(Invitation.latest(), "", Role.VOLUNTEER.code(), "14", Map.of(), link,
                grantable())).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("invitations/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id) {
        boolean revoked = accounts.revokeInvitation(me.require(), id);
        return Flash.redirect("/moderation/invitations", revoked ? "Invitation revoked."
                : "That invitation was no longer open.");
    }

    @GET
    @Path("users")
    public TemplateInstance users() {
        return users(Map.of(), null, null);
    }

    @POST
    @Path("users/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response administer(@PathParam("id") long id, @RestForm String role, @RestForm boolean disabled) {
        Map<String, String> errors = accounts.administer(me.require(), id, role, disabled);
        if (!errors.isEmpty()) {
            return Response.status(422).entity(users(errors, null, null)).build();
        }
        return Flash.redirect("/moderation/users", "Account updated.");
    }

    /**
     * An admin gives one read key a limit of its own (requests per window), or clears it back to
     * the configured default; the anonymous and default limits are configuration.
     */
    @POST
    @Path("tokens/{id}/limit")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setKeyLimit(@PathParam("id") long id, @RestForm String limit) {
        Map<String, String> errors = accounts.setKeyLimit(me.require(), id, limit);
        if (!errors.isEmpty()) {
            return Response.status(422).entity(users(errors, id, limit)).build();
        }
        return Flash.redirect("/moderation/users", "Read key limit saved.");
    }

    private TemplateInstance users(Map<String, String> errors, Long editedKey, String limitInput) {
        List<KeyRow> keys = ApiToken.activeReadKeys().stream().map(k -> k.id.equals(editedKey)
                ? new KeyRow(k, limitInput == null ? "" : limitInput, errors.get("limit"))
                : new KeyRow(k, k.rateLimit == null ? "" : k.rateLimit.toString(), null)).toList();
        return Templates.users(Account.oldestFirst(), errors, keys, limits.summary());
    }

    @GET
    @Path("audit")
    public TemplateInstance audit(@QueryParam("before") Long before) {
        List<AuditLog.Line> entries = auditLog.latest(AUDIT_PAGE + 1, before);
        List<AuditLog.Line> shown = entries.stream().limit(AUDIT_PAGE).toList();
        return Templates.audit(shown, entries.size() > AUDIT_PAGE ? shown.get(shown.size() - 1).id() : null);
    }

    private List<Role> grantable() {
        Role mine = me.require().roleEnum();
        return java.util.Arrays.stream(Role.values()).filter(mine::canGrant).toList();
    }

    private static int parseDays(String days) {
        try {
            return Integer.parseInt(days == null ? "" : days.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
