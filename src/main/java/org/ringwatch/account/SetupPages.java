package org.ringwatch.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.ringwatch.web.Flash;

import java.net.URI;
import java.util.Map;

/**
 * The first admin, made in the browser through the one-time link a start prints while no admin
 * exists ({@link FirstRunSetup}). The link's token travels in the form as a hidden field, and
 * no page that holds it may be stored by a cache.
 */
@Path("/setup")
@Produces(MediaType.TEXT_HTML)
public class SetupPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setup(String token, String email, String name, Map<String, String> errors);
    }

    private final FirstRunSetup setup;
    private final AccountService accounts;
    private final SessionCookies cookies;

    public SetupPages(FirstRunSetup setup, AccountService accounts, SessionCookies cookies) {
        this.setup = setup;
        this.accounts = accounts;
        this.cookies = cookies;
    }

    @GET
    public Response form(@QueryParam("token") String token) {
        return switch (setup.state(token)) {
            case USABLE -> privately(Response.ok(Templates.setup(token, "", "", Map.of())));
            case UNKNOWN -> unknownLink();
            case ADMIN_EXISTS -> adminExists();
        };
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String token, @RestForm String email, @RestForm String name,
            @RestForm String password, @RestForm String confirmation) {
        FirstRunSetup.State state = setup.state(token);
        if (state != FirstRunSetup.State.USABLE) {
            return state == FirstRunSetup.State.ADMIN_EXISTS ? adminExists() : unknownLink();
        }
        AccountService.Result<Account> result = accounts.createFirstAdmin(token, email, name, password, confirmation)
                .orElse(null);
        if (result == null) {
            // Another request (this link twice, or RINGWATCH_ADMIN_* on another instance) came first.
            return setup.state(token) == FirstRunSetup.State.ADMIN_EXISTS ? adminExists() : unknownLink();
        }
        if (result.failed()) {
            return privately(Response.status(422).entity(Templates.setup(token, email == null ? "" : email,
                    name == null ? "" : name, result.errors())));
        }
        return Response.seeOther(URI.create("/moderation/invitations")).cookie(cookies.issue(result.value()))
                .cookie(Flash.cookieFor("You are RingWatch's first admin, " + result.value().displayName
                        + ". Invite the others from here.")).build();
    }

    private static Response privately(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").build();
    }

    private static Response unknownLink() {
        return privately(Response.status(404).entity(Templates.setup(null, null, null, Map.of("",
                "This setup link cannot be used: it may have expired, been used, or been replaced by a newer one."
                        + " While there is no admin, each start of RingWatch prints a fresh link on its console:"
                        + " restart it and open the link it prints."))));
    }

    private static Response adminExists() {
        return privately(Response.status(410).entity(Templates.setup(null, null, null, Map.of("",
                "RingWatch has an admin already, so setup links no longer work. Sign in, or ask an admin"
                        + " for an invitation."))));
    }
}
