package org.ringwatch.pagecache;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.ringwatch.web.FormToken;

/**
 * Renders a {@link PublicPage} for a visitor who is not signed in, keeps it when nothing in it is
 * theirs alone (and the cache is on and listening), and answers it with its ETag (a 304 when the
 * browser already holds that version).
 * The page is rendered here, to a String and then to UTF-8 bytes in one pass, whether or not it is
 * kept: Qute's own response filter would hand the String to the HTTP layer, which encodes a page
 * with any non-Latin-1 character (the breadcrumb's ›) one character at a time.
 */
@PublicPage
@Provider
public class PublicPageFill implements ContainerResponseFilter {

    private final FormToken formToken;

    public PublicPageFill(FormToken formToken) {
        this.formToken = formToken;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String key = (String) request.getProperty(PageCacheFilters.KEY);
        if (key == null || response.getStatus() != 200
                || response.getMediaType() == null || !MediaType.TEXT_HTML_TYPE.isCompatible(response.getMediaType())) {
            return;
        }
        Object entity = response.getEntity();
        String html;
        if (entity instanceof TemplateInstance template) {
            html = template.render();
        } else if (entity instanceof String rendered) {
            html = rendered;
        } else {
            return;
        }
        if (formToken.issued()) {
            // A form's token is this visitor's own: the page is theirs, not everyone's.
            response.setEntity(html);
            return;
        }
        RenderedPage page = RenderedPage.of(html);
        if (request.getProperty(PageCacheFilters.GENERATION) instanceof RenderedPages.Generation kept) {
            kept.put(key, page);
        }
        page.describe(response.getHeaders());
        if (page.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatusInfo(Response.Status.NOT_MODIFIED);
            response.setEntity(null);
        } else {
            response.setEntity(page.body(), null, MediaType.valueOf(RenderedPage.CONTENT_TYPE));
        }
    }
}
