package org.ringwatch.account;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What a signed-in person or a token holder is shown may hold what only they may see (a draft,
 * an embargoed request, private notes), so no shared cache may keep it: such an answer is
 * {@code private, no-store} unless its resource chose a header itself [ASVS 14.3.2]. Anonymous
 * answers show only what is public to everyone and keep whatever their resource set.
 */
public class PrivateResponses {

    static final String PRIVATE = "private, no-store";

    @ServerResponseFilter
    public void markPrivate(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        if (isPersonal(request)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, PRIVATE);
        }
    }

    /** Whether the answer may hold what only this asker may see: they sent a token or a sign-in cookie. */
    public static boolean isPersonal(ContainerRequestContext request) {
        return request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getCookies().containsKey(SessionCookies.NAME);
    }
}
