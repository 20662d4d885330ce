package org.ringwatch.account;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringwatch.api.ApiProblem;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Read keys through the API, for the person's own scripts: made and revoked with a personal
 * token, like everything the API changes. The key itself is in the creating answer only.
 */
@Path("/api/v1/read-keys")
@Tag(name = "Read keys", description = "Keys that raise the read rate limit; sent as X-Api-Key")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReadKeyApi {

    public record NewKey(String label) {
    }

    /** {@code key} is set only in the answer that made it. */
    public record ReadKey(long id, String key, String label, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
            boolean revoked, Integer rateLimit) {

        static ReadKey of(ApiToken row, String key) {
            return new ReadKey(row.id, key, row.label, row.createdAt, row.lastUsedAt, row.isRevoked(), row.rateLimit);
        }
    }

    private final AccountService accounts;
    private final CurrentAccount me;
    private final ReadLimits limits;

    public ReadKeyApi(AccountService accounts, CurrentAccount me, ReadLimits limits) {
        this.accounts = accounts;
        this.me = me;
        this.limits = limits;
    }

    @GET
    @Operation(summary = "Your read keys, newest first (never the keys themselves)")
    public List<ReadKey> list() {
        return ApiToken.ofAccount(me.require(), ApiToken.Kind.READ).stream().map(k -> ReadKey.of(k, null)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a read key",
            description = "Send it as X-Api-Key: <key> on reads. It signs nobody in and cannot write; it raises the"
                    + " read rate limit. An account holds a bounded number of active keys.")
    @APIResponse(responseCode = "201", description = "The new key, shown this once")
    @APIResponse(responseCode = "422", description = "No label, a label too long, or too many active keys")
    public Response create(NewKey body) {
        AccountService.Result<ApiToken.Issued> issued = accounts.issueReadKey(me.require(),
                body == null ? null : body.label(), limits.keysPerAccount());
        if (issued.failed()) {
            // The form calls the field keyLabel; here it is the body's label.
            throw ApiProblem.invalid(Map.of("label", issued.errors().get("keyLabel")));
        }
        return Response.status(201).header("Cache-Control", "no-store")
                .entity(ReadKey.of(issued.value().row(), issued.value().token())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke one of your read keys; it is refused (401) from then on")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "Not one of your active read keys")
    public Response revoke(@Parameter(description = "The read key's id, as GET /api/v1/read-keys lists it",
            example = "1") @PathParam("id") long id) {
        boolean own = ApiToken.ofAccount(me.require(), ApiToken.Kind.READ).stream()
                .anyMatch(k -> k.id == id && !k.isRevoked());
        if (!own || accounts.revokeToken(me.require(), id).isEmpty()) {
            throw ApiProblem.notFound("You have no active read key " + id + ".");
        }
        return Response.noContent().build();
    }
}
