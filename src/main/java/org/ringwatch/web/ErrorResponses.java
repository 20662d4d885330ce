package org.ringwatch.web;

import io.quarkus.qute.Location;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.Problem;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Turns every error into the representation its caller reads: problem+json under /api/, an
 * HTML page in the site layout elsewhere. Unexpected failures are logged with an id and shown
 * with only that id, never a class name or a stack trace.
 */
@ApplicationScoped
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);
    static final String CSRF_REFUSED = "This form arrived without the security token of the page it came from, so"
            + " nothing was changed. That happens when the page was open for hours or the form was sent from"
            + " another site. Go back, reload the page and send the form again.";

    private final Template error;

    public ErrorResponses(@Location("error.html") Template error) {
        this.error = error;
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, HttpServerRequest request) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", problem.title(), problem.status(), problem.getMessage(),
                        request.path(), problem.parameter(), problem.errors())).build();
    }

    /** 404, 405, 406, 415… raised by the framework or by us. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, HttpServerRequest request) {
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(exception, request);
        }
        return respond(status, detailFor(status), request.path());
    }

    /** Not signed in: the API asks for a token, a page sends the person to the sign-in form. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException exception, HttpServerRequest request) {
        if (isApi(request.path())) {
            String detail = exception instanceof AuthenticationFailedException
                    ? "The bearer token is unknown or revoked, or its account is disabled."
                    : "This needs a personal token: send Authorization: Bearer <token> (see POST /api/v1/tokens).";
            return Response.fromResponse(problemResponse(401, "Unauthorized", detail, request.path(), null))
                    .header("WWW-Authenticate", "Bearer realm=\"RingWatch\"").build();
        }
        return Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(request.uri(), StandardCharsets.UTF_8)))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, HttpServerRequest request) {
        return respond(403, "Your account cannot do this. If you think it should, ask a moderator.", request.path());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception exception, HttpServerRequest request) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected failure %s on %s %s", id, request.method(), request.path());
        return respond(500, "Something went wrong on our side. If it keeps happening, report error id " + id + ".",
                request.path());
    }

    /**
     * rest-csrf refuses a state-changing request without its token pair (a form from another
     * site, or one whose page is older than its token) with a bare 400 and no body; nothing else
     * answers a page with an empty 400. Say what happened and what to do, in the site's layout.
     */
    @ServerResponseFilter
    public void explainCsrfRefusal(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && !isApi(request.getUriInfo().getPath())) {
            response.setEntity(page(400, "Bad Request", CSRF_REFUSED), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    /** Paths no resource or static file claims end here, after every other route. */
    void lastRoute(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(context -> {
            if (context.response().ended()) {
                return;
            }
            String path = context.request().path();
            String detail = detailFor(404);
            if (isApi(path)) {
                context.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(io.vertx.core.json.Json.encode(new Problem("about:blank", "Not Found", 404, detail, path, null)));
            } else {
                context.response().setStatusCode(404).putHeader("Content-Type", "text/html; charset=UTF-8")
                        .end(page(404, "Not Found", detail));
            }
        });
    }

    private Response respond(int status, String detail, String path) {
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        if (isApi(path)) {
            return problemResponse(status, title, detail, path, null);
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page(status, title, detail)).build();
    }

    private static Response problemResponse(int status, String title, String detail, String path, String parameter) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, path, parameter)).build();
    }

    private String page(int status, String title, String detail) {
        return error.data("status", status).data("title", title).data("detail", detail).render();
    }

    private static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address. It may have moved, or the link may be mistyped.";
            case 403 -> "Your account cannot do this.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the format asked for.";
            case 415 -> "This address does not accept that content type.";
            default -> "The request could not be handled.";
        };
    }
}
