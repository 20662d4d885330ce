package org.ringwatch.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.Location;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
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
import org.ringwatch.platform.DatabaseOutage;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns every error into the representation its caller reads: problem+json under /api/, an
 * HTML page in the site layout elsewhere. Unexpected failures are logged with an id and shown
 * with only that id, never a class name or a stack trace; a database that cannot be reached is
 * a 503 with Retry-After, not a failure of ours.
 */
@ApplicationScoped
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);
    /** Before the body handler and every resource. */
    private static final int NUL_CHECK_ORDER = -1000;
    /** The embedded server is back within a few seconds of dying (PostgresSupervisionIT measures it). */
    private static final int RETRY_AFTER_SECONDS = 5;
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

    /** An upload body our reader cannot read, or one cut off: a client's fault, not ours. */
    @ServerExceptionMapper
    public Response malformedUpload(MalformedUpload exception, HttpServerRequest request) {
        return respond(400, "The upload could not be read: " + exception.getMessage() + " Send each file as a part"
                + " named \"file\" with a plain file name.", request.path());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception exception, HttpServerRequest request) {
        if (DatabaseOutage.causes(exception)) {
            return unavailable(exception, request);
        }
        if (nulInText(exception)) {
            return respond(400, "The text sent contains a NUL character (\\u0000), which cannot be stored or searched."
                    + " Remove it and send the text again.", request.path());
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected failure %s on %s %s", id, request.method(), request.path());
        return respond(500, "Something went wrong on our side. If it keeps happening, report error id " + id + ".",
                request.path());
    }

    /**
     * PostgreSQL refuses a NUL character in text (SQLState 22021, "invalid byte sequence"): a
     * form field or JSON string carrying one is the sender's mistake, not a failure of ours.
     */
    private static boolean nulInText(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && "22021".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A NUL character (%00) in the path or query is refused before any resource sees it:
     * PostgreSQL can neither store nor search it, and it is never part of an honest request.
     */
    void refuseNulCharacters(@Observes Router router) {
        router.route().order(NUL_CHECK_ORDER).handler(context -> {
            String uri = context.request().uri();
            if (uri.indexOf('\0') < 0 && !uri.toLowerCase(Locale.ROOT).contains("%00")) {
                context.next();
                return;
            }
            end(context, 400, "Bad Request", "The address contains a NUL character (%00), which no search or field"
                    + " can take. Remove it and try again.");
        });
    }

    /**
     * The database is down or restarting: not a bug, and the same request will work shortly, so
     * 503 with Retry-After rather than 500. Nothing is logged per request; the outage itself is
     * (by the pool, and by the embedded server's watchdog).
     */
    private Response unavailable(Exception exception, HttpServerRequest request) {
        LOG.debugf("Database unavailable on %s %s: %s", request.method(), request.path(), exception);
        String detail = "The database cannot be reached right now. Try again in a few seconds.";
        return Response.fromResponse(respond(503, detail, request.path()))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
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
            end(context, 404, "Not Found", detailFor(404));
        });
    }

    /** Answers a request no resource handles, in the representation its caller reads. */
    private void end(RoutingContext context, int status, String title, String detail) {
        String path = context.request().path();
        if (isApi(path)) {
            context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(io.vertx.core.json.Json.encode(new Problem("about:blank", title, status, detail, path, null)));
        } else {
            context.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=UTF-8")
                    .end(page(status, title, detail));
        }
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

    /**
     * The error page in the layout. A request refused before any resource (a NUL character) has
     * no request context yet, and the layout reads {@code inject:me}: it gets one of its own.
     */
    private String page(int status, String title, String detail) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean own = !requestContext.isActive();
        if (own) {
            requestContext.activate();
        }
        try {
            return error.data("status", status).data("title", title).data("detail", detail).render();
        } finally {
            if (own) {
                requestContext.terminate();
            }
        }
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
