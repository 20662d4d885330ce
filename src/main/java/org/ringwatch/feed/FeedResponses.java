package org.ringwatch.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.ringwatch.platform.RingWatchConfig;
import org.ringwatch.platform.SiteAddress;

import java.util.List;

/**
 * How every feed is answered. A feed holds only what anyone may see, so it is the same for
 * everyone and a shared cache may keep it for a few minutes, signed-in callers included: setting
 * Cache-Control here tells {@code PrivateResponses} the resource chose, and it leaves it alone.
 */
@ApplicationScoped
public class FeedResponses {

    static final String ATOM_UTF8 = AtomWriter.MEDIA_TYPE + "; charset=UTF-8";
    static final String CACHE = "public, max-age=300";

    private final RingWatchConfig config;

    public FeedResponses(RingWatchConfig config) {
        this.config = config;
    }

    Response atom(UriInfo uri, AtomWriter.Head head, List<FeedEntries.Entry> entries) {
        return Response.ok(AtomWriter.write(base(uri), head, entries), ATOM_UTF8)
                .header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }

    private String base(UriInfo uri) {
        return SiteAddress.of(config, uri.getBaseUri());
    }
}
