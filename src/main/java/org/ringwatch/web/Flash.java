package org.ringwatch.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A one-time message carried across POST → 303 → GET in a short-lived cookie ("Request filed.").
 * The layout reads it as {@code inject:flash.message}; reading it also clears it.
 */
@RequestScoped
@Named("flash")
public class Flash {

    public static final String NAME = "rw_flash";

    private final CurrentVertxRequest request;
    private String message;
    private boolean read;

    public Flash(CurrentVertxRequest request) {
        this.request = request;
    }

    /** 303 to {@code location} with a message for the next page. */
    public static Response redirect(String location, String message) {
        return Response.seeOther(URI.create(location)).cookie(cookieFor(message)).build();
    }

    /** The cookie carrying {@code message}, for responses that set other cookies too. */
    public static NewCookie cookieFor(String message) {
        boolean secure = ConfigProvider.getConfig()
                .getOptionalValue("ringwatch.session.secure-cookies", Boolean.class).orElse(false);
        return new NewCookie.Builder(NAME).value(URLEncoder.encode(message, StandardCharsets.UTF_8)).path("/")
                .maxAge(60).httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.LAX).build();
    }

    public String getMessage() {
        if (!read) {
            read = true;
            RoutingContext context = request.getCurrent();
            Cookie cookie = context == null ? null : context.request().getCookie(NAME);
            if (cookie != null && !cookie.getValue().isEmpty()) {
                message = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
                context.response().addCookie(Cookie.cookie(NAME, "").setPath("/").setMaxAge(0).setHttpOnly(true));
            }
        }
        return message;
    }
}
