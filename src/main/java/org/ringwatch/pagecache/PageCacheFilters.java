package org.ringwatch.pagecache;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ringwatch.account.PrivateResponses;
import org.ringwatch.web.Flash;

/**
 * Serves a {@link PublicPage} from memory before anything else runs: no worker thread, no
 * database, no template. It runs for every request, on the I/O thread, before the resource is
 * even chosen, so it answers only what {@link PublicPageFill} stored, which only marked pages
 * are. Whoever is signed in (a sign-in cookie or a token) or has a message waiting (the flash
 * cookie) is shown their own page, rendered for them, never one from memory.
 */
public class PageCacheFilters {

    static final String GENERATION = PageCacheFilters.class.getName() + ".generation";
    static final String KEY = PageCacheFilters.class.getName() + ".key";

    private final RenderedPages pages;

    public PageCacheFilters(RenderedPages pages) {
        this.pages = pages;
    }

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public Response serveFromMemory(ContainerRequestContext request, HttpServerRequest http) {
        if (!HttpMethod.GET.equals(request.getMethod()) || !isAnonymous(request)) {
            return null;
        }
        RenderedPages.Generation generation = pages.current();
        String key = pages.key(http.uri());
        RenderedPage page = generation == null ? null : generation.get(key);
        if (page != null) {
            return page.answer(request.getHeaderString(HttpHeaders.IF_NONE_MATCH));
        }
        // For the render: it is stored in the generation it began in (none: kept nowhere, still
        // answered with its ETag), which may be gone by the time it is done.
        request.setProperty(KEY, key);
        request.setProperty(GENERATION, generation);
        return null;
    }

    /** Nobody signed in and nothing waiting for this visitor alone: the page everyone is shown. */
    static boolean isAnonymous(ContainerRequestContext request) {
        return !PrivateResponses.isPersonal(request) && !request.getCookies().containsKey(Flash.NAME);
    }
}
