package org.ringwatch.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.Problem;

import java.time.OffsetDateTime;

/** Trading an e-mail and password for a personal API token, for volunteers' scripts. */
@Path("/api/v1/tokens")
@Tag(name = "Tokens", description = "Personal API tokens")
public class TokenApi {

    @Schema(description = "An account's e-mail and password, and a label to recognise the token by",
            example = "{\"email\": \"reporter@example.org\", \"password\": \"correct horse battery staple\","
                    + " \"label\": \"newsroom script\"}")
    public record Credentials(String email, String password, String label) {
    }

    /** The token is in this answer only; RingWatch keeps just its hash. */
    @Schema(description = "A personal token; send it as Authorization: Bearer <token>")
    public record IssuedToken(long id, String token, String label, OffsetDateTime createdAt) {
    }

    private final SignIn signIn;
    private final AccountService accounts;

    public TokenApi(SignIn signIn, AccountService accounts) {
        this.signIn = signIn;
        this.accounts = accounts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a personal token",
            description = "Throttled like the sign-in form. The same 401 answers an unknown address, a wrong"
                    + " password and a disabled account. Send the token as Authorization: Bearer <token>.")
    @APIResponse(responseCode = "201", description = "The new token, shown this once")
    @APIResponse(responseCode = "401", description = "E-mail and password do not match an active account")
    @APIResponse(responseCode = "429", description = "Too many failed attempts; see Retry-After")
    @APIResponse(responseCode = "503", description = "Too many sign-ins at this moment; see Retry-After")
    public Response create(Credentials credentials, @Context HttpServerRequest request) {
        if (credentials == null) {
            throw ApiProblem.of(400, "Bad Request", "Send {\"email\": ..., \"password\": ...} as JSON.");
        }
        SignIn.Outcome outcome = signIn.check(credentials.email(), credentials.password(),
                SignIn.address(request));
        if (outcome.retryAfter().isPresent()) {
            // ApiProblem carries no headers, and these answers need Retry-After.
            int status = outcome.refusal().status;
            return Response.status(status).header("Retry-After", outcome.retryAfter().get().toSeconds())
                    .type(Problem.MEDIA_TYPE).entity(new Problem("about:blank",
                            Response.Status.fromStatusCode(status).getReasonPhrase(), status, outcome.problem(),
                            request.path(), null)).build();
        }
        if (outcome.account().isEmpty()) {
            throw ApiProblem.of(401, "Unauthorized", SignIn.FAILED);
        }
        ApiToken.Issued issued = accounts.issueToken(outcome.account().get(), credentials.label());
        return Response.status(201).header("Cache-Control", "no-store")
                .entity(new IssuedToken(issued.row().id, issued.token(), issued.row().label, issued.row().createdAt))
                .build();
    }
}
