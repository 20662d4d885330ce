package org.ringwatch.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The site-wide feed. The state and agency feeds are resources of their own
 * ({@link StateFeeds}, {@link AgencyFeeds}): their paths sit under {@code /states} and
 * {@code /agencies}, and a class path that specific is what routes them past the pages there.
 */
@Path("/feed.atom")
@Produces(FeedResponses.ATOM_UTF8)
public class Feeds {

    private final FeedEntries entries;
    private final FeedResponses responses;

    public Feeds(FeedEntries entries, FeedResponses responses) {
        this.entries = entries;
        this.responses = responses;
    }

    @GET
    public Response site(@Context UriInfo uri) {
        return responses.atom(uri, new AtomWriter.Head("RingWatch: agreements, documents and request outcomes",
                "/feed.atom", "/"), entries.site());
    }
}
