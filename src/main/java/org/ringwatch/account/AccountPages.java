package org.ringwatch.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
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
import org.jboss.resteasy.reactive.RestForm;
import org.ringwatch.web.Flash;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/** Signing in and out, joining by invitation, one's own profile and API tokens. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String email, String next, String problem);

        static native TemplateInstance invitation(String token, String email, String role, String name,
                Map<String, String> errors);

        static native TemplateInstance account(Account account, List<ApiToken> tokens, List<ApiToken> readKeys,
                Map<String, String> errors, String newToken, String newReadKey, String keyLabel, String readRates);
    }

    private final SignIn signIn;
    private final SessionCookies cookies;
    private final AccountService accounts;
    private final CurrentAccount me;
    private final ReadLimits limits;

    public AccountPages(SignIn signIn, SessionCookies cookies, AccountService accounts, CurrentAccount me,
            ReadLimits limits) {
        this.signIn = signIn;
        this.cookies = cookies;
        this.accounts = accounts;
        this.me = me;
        this.limits = limits;
    }

    @GET
    @Path("login")
    public TemplateInstance loginForm(@QueryParam("next") String next) {
        return Templates.login("", safeNext(next), null);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@RestForm String email, @RestForm String password, @RestForm String next,
            @Context HttpServerRequest request) {
        SignIn.Outcome outcome = signIn.check(email, password, SignIn.address(request));
        if (outcome.account().isEmpty()) {
            Response.ResponseBuilder response = Response.status(outcome.refusal().status)
                    .entity(Templates.login(email == null ? "" : email, safeNext(next), outcome.problem()));
            outcome.retryAfter().ifPresent(wait -> response.header("Retry-After", wait.toSeconds()));
            return response.build();
        }
        return Response.seeOther(URI.create(safeNext(next))).cookie(cookies.issue(outcome.account().get()))
                .build();
    }

    /** Signs out here and everywhere else: the cookie is cleared and every older one stops working. */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout() {
        me.id().ifPresent(accounts::endSessions);
        return Response.seeOther(URI.create("/")).cookie(cookies.clear()).build();
    }

    @GET
    @Path("invitations/{token}")
    public Response invitationForm(@PathParam("token") String token) {
        return Invitation.findUsable(token)
                .map(i -> Response.ok(Templates.invitation(token, i.email, i.role, "", Map.of())))
                .orElseGet(AccountPages::unusableInvitation).build();
    }

    @POST
    @Path("invitations/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acceptInvitation(@PathParam("token") String token, @RestForm String name,
            @RestForm String password, @RestForm String confirmation) {
        Invitation invitation = Invitation.findUsable(token).orElse(null);
        if (invitation == null) {
            return unusableInvitation().build();
        }
        AccountService.Result<Account> result = accounts.accept(invitation, name, password, confirmation)
                .orElse(null);
        if (result == null) {
            return unusableInvitation().build();   // another accept of the same link came first
        }
        if (result.failed()) {
            return Response.status(422)
                    .entity(Templates.invitation(token, invitation.email, invitation.role, name, result.errors()))
                    .build();
        }
        return Response.seeOther(URI.create("/dashboard")).cookie(cookies.issue(result.value()))
                .cookie(Flash.cookieFor("Welcome to RingWatch, " + result.value().displayName + "."))
                .build();
    }

    @GET
    @Path("account")
    @Authenticated
    public TemplateInstance account() {
        return page(me.require(), Map.of(), null, null, "");
    }

    @POST
    @Path("account/profile")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateProfile(@RestForm String name, @RestForm String postalAddress, @RestForm String phone) {
        Map<String, String> errors = accounts.updateProfile(me.require(), name, postalAddress, phone);
        if (!errors.isEmpty()) {
            return Response.status(422).entity(page(me.require(), errors, null, null, "")).build();
        }
        return Flash.redirect("/account", "Profile saved.");
    }

    @POST
    @Path("account/password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String current, @RestForm String password,
            @RestForm String confirmation, @Context HttpServerRequest request) {
        Account account = me.require();
        AccountService.Result<Account> changed = accounts.changePassword(account, current, password, confirmation,
                SignIn.address(request));
        if (changed.failed()) {
            return Response.status(422).entity(page(account, changed.errors(), null, null, "")).build();
        }
        // This device stays signed in with a cookie of the new epoch (the account as the change
        // left it: this request's own copy still has the old one); every other cookie has ended.
        return Response.seeOther(URI.create("/account")).cookie(cookies.issue(changed.value()),
                Flash.cookieFor("Password changed. Your API tokens were revoked, and your read keys with"
                        + " them: create new ones for your scripts. Your other devices were signed out.")).build();
    }

    /** The token is shown in this response only; it is not stored anywhere readable. */
    @POST
    @Path("account/tokens")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@RestForm String label) {
        Account account = me.require();
        ApiToken.Issued issued = accounts.issueToken(account, label);
        return Response.ok(page(account, Map.of(), issued.token(), null, "")).header("Cache-Control", "no-store")
                .build();
    }

    /** Like a token, the read key is shown in this response only. */
    @POST
    @Path("account/read-keys")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createReadKey(@RestForm String keyLabel) {
        Account account = me.require();
        AccountService.Result<ApiToken.Issued> issued = accounts.issueReadKey(account, keyLabel,
                limits.keysPerAccount());
        if (issued.failed()) {
            return Response.status(422).entity(page(account, issued.errors(), null, null,
                    keyLabel == null ? "" : keyLabel)).build();
        }
        return Response.ok(page(account, Map.of(), null, issued.value().token(), ""))
                .header("Cache-Control", "no-store").build();
    }

    /** Revokes a personal token or a read key: they are rows of one table. */
    @POST
    @Path("account/tokens/{id}/revoke")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@PathParam("id") long id) {
        return accounts.revokeToken(me.require(), id)
                .map(t -> Flash.redirect("/account", t.isReadKey() ? "Read key revoked." : "Token revoked."))
                .orElseGet(() -> Flash.redirect("/account", "That token or key was already revoked."));
    }

    private TemplateInstance page(Account account, Map<String, String> errors, String newToken, String newReadKey,
            String keyLabel) {
        return Templates.account(account, ApiToken.ofAccount(account, ApiToken.Kind.PERSONAL),
                ApiToken.ofAccount(account, ApiToken.Kind.READ), errors, newToken, newReadKey, keyLabel,
                limits.summary());
    }

    private static Response.ResponseBuilder unusableInvitation() {
        // Used, revoked, expired and made-up links get the same answer.
        return Response.status(404).entity(Templates.invitation(null, null, null, null,
                Map.of("", "This invitation link cannot be used: it may have been used already, revoked, or expired."
                        + " Ask whoever invited you for a new one.")));
    }

    /** Only our own paths: an open redirect after sign-in would be a phishing tool [ASVS 3.7.2]. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || !isUri(next)) {
            return "/dashboard";
        }
        return next;
    }

    /** Spaces, controls, stray '%' and the like make no Location header; they get the default instead. */
    private static boolean isUri(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
