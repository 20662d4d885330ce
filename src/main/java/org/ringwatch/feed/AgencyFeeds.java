package org.ringwatch.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.ringwatch.agency.Agency;
import org.ringwatch.state.State;

/** An agency's feed: its published agreements and documents and its requests' outcomes. Unknown: 404. */
@Path("/agencies/{state}/{slug}/feed.atom")
@Produces(FeedResponses.ATOM_UTF8)
public class AgencyFeeds {

    private final FeedEntries entries;
    private final FeedResponses responses;

    public AgencyFeeds(FeedEntries entries, FeedResponses responses) {
        this.entries = entries;
        this.responses = responses;
    }

    @GET
    public Response agency(@PathParam("state") String stateCode, @PathParam("slug") String slug,
            @Context UriInfo uri) {
        State state = State.findByCode(stateCode).orElseThrow(NotFoundException::new);
        Agency agency = Agency.findBySlug(state.code, slug).orElseThrow(NotFoundException::new);
        return responses.atom(uri, new AtomWriter.Head("RingWatch: " + agency.name + ", " + state.name,
                agency.urlPath() + "/feed.atom", agency.urlPath()), entries.ofAgency(agency.id));
    }
}
