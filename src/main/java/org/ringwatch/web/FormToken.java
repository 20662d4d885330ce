package org.ringwatch.web;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.csrf.reactive.runtime.RestCsrfConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The CSRF token this page's forms carry: {@code inject:formToken} in the csrf tag [ASVS 3.5.1].
 * <p>
 * The token cookie is issued here, when a page renders a form, and on no other page: rest-csrf
 * would set it on every GET (or only on a fixed list of exact paths, which pages with ids in
 * their paths cannot use), and issuing it cost a public page about 15% of its rate while most
 * public pages have no POST form (the layout's sign-out form shows only when signed in; search
 * is a GET form). rest-csrf still checks the token of every state-changing request; this class
 * only hands the token out, the same way it does: an HttpOnly cookie, the same value in a hidden
 * field.
 * <ul>
 * <li>After rest-csrf has checked a form's token, a page that re-renders the form carries that token.</li>
 * <li>On a GET or HEAD, the token is the one the browser already holds, else a new one; the cookie is
 * sent again either way, so it lives for its max-age from the last page with a form, as it did.</li>
 * <li>On a request refused for lacking a token, the page explaining the refusal renders its layout's
 * sign-out form without a token (refused in turn if sent) rather than hand out a new one.</li>
 * </ul>
 */
@RequestScoped
@Named("formToken")
public class FormToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CsrfTokenParameterProvider csrf;
    private final RestCsrfConfig config;
    private final RoutingContext routing;
    private String value;
    private boolean resolved;

    public FormToken(CsrfTokenParameterProvider csrf, RestCsrfConfig config, RoutingContext routing) {
        this.csrf = csrf;
        this.config = config;
        this.routing = routing;
    }

    public String getName() {
        return csrf.getParameterName();
    }

    /** @return the token (issuing its cookie if need be), or null on a request refused for lacking one */
    public String getValue() {
        if (!resolved) {
            value = resolve();
            resolved = true;
        }
        return value;
    }

    /** Whether this page carries a token (its cookie sent with it): the page is then this visitor's own. */
    public boolean issued() {
        return resolved && value != null;
    }

    private String resolve() {
        try {
            return csrf.getToken();   // rest-csrf checked it on this request
        } catch (IllegalStateException notChecked) {
            // a GET, or a request refused for lacking a token
        }
        HttpMethod method = routing.request().method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return null;
        }
        if (config.tokenSignatureKey().isPresent()) {
            // A signed cookie holds not the token but its signature: this class would have to sign.
            throw new IllegalStateException("quarkus.rest-csrf.token-signature-key is not supported by FormToken");
        }
        Cookie held = routing.request().getCookie(config.cookieName());
        String token = held != null && wellFormed(held.getValue()) ? held.getValue() : newToken();
        sendCookie(token);
        return token;
    }

    private boolean wellFormed(String token) {
        try {
            return Base64.getUrlDecoder().decode(token).length == config.tokenSize();
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private String newToken() {
        byte[] bytes = new byte[config.tokenSize()];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The cookie as rest-csrf makes it; SameSite comes from quarkus.http.same-site-cookie. */
    private void sendCookie(String token) {
        Cookie cookie = Cookie.cookie(config.cookieName(), token)
                .setHttpOnly(config.cookieHttpOnly())
                .setSecure(config.cookieForceSecure() || routing.request().isSSL())
                .setMaxAge(config.cookieMaxAge().toSeconds())
                .setPath(config.cookiePath());
        config.cookieDomain().ifPresent(cookie::setDomain);
        routing.response().addCookie(cookie);
    }
}
