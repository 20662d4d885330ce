package org.ringwatch.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The API reference is the static page {@code META-INF/resources/api/index.html} (Swagger UI over
 * {@code /q/openapi}). Static files answer {@code /api/} but not {@code /api}, the address people
 * type; that one is sent on to the page instead of ending as a 404.
 */
@ApplicationScoped
public class ApiReference {

    public static final String PAGE = "/api/";

    void register(@Observes Router router) {
        // Vert.x matches "/api" with or without the trailing slash; only the bare one is redirected.
        router.route("/api").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(context -> {
            if (context.request().path().equals("/api")) {
                context.response().setStatusCode(301).putHeader("Location", PAGE).end();
            } else {
                context.next();
            }
        });
    }
}
