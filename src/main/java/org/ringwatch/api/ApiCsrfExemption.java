package org.ringwatch.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * CSRF tokens protect browser forms; the JSON API does not need them [ASVS 3.5.2]: its writes
 * take only a bearer token (a browser's sign-in cookie is refused there), and a cross-site page
 * cannot attach an Authorization header. The rest-csrf filter cannot exclude paths, and it
 * refuses every state-changing request without a token pair (a JSON body, a multipart upload,
 * no body at all), so every /api/ write is given a matching pair before that filter runs.
 */
@ApplicationScoped
public class ApiCsrfExemption {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    void register(@Observes Router router) {
        router.route("/api/*").order(-1000).handler(context -> {
            if (SAFE.contains(context.request().method())) {
                // rest-csrf checks nothing on a read; a random pair for each would be wasted work.
                context.next();
                return;
            }
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            var headers = context.request().headers();
            headers.set("X-CSRF-TOKEN", token);
            String cookies = headers.get("Cookie");
            headers.set("Cookie", (cookies == null || cookies.isBlank() ? "" : cookies + "; ") + "rw_csrf=" + token);
            context.next();
        });
    }
}
