package org.ringwatch.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.ringwatch.state.State;

/** A state's feed: what became public about its agencies. An unknown state is a 404. */
@Path("/states/{code}/feed.atom")
@Produces(FeedResponses.ATOM_UTF8)
public class StateFeeds {

    private final FeedEntries entries;
    private final FeedResponses responses;

    public StateFeeds(FeedEntries entries, FeedResponses responses) {
        this.entries = entries;
        this.responses = responses;
    }

    @GET
    public Response state(@PathParam("code") String code, @Context UriInfo uri) {
        State state = State.findByCode(code).orElseThrow(NotFoundException::new);
        String page = "/states/" + state.urlCode();
        return responses.atom(uri, new AtomWriter.Head("RingWatch: " + state.name, page + "/feed.atom", page),
                entries.ofState(state.code));
    }
}
