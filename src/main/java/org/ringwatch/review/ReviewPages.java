package org.ringwatch.review;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.api.ApiProblem;

import java.util.List;

/** The review queue: what waits for a moderator, oldest first. */
@Path("/moderation/review")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.MODERATOR_NAME)
public class ReviewPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<ReviewQueue.Waiting> waiting, String next, Agency agency);
    }

    private final ReviewQueue queue;

    public ReviewPages(ReviewQueue queue) {
        this.queue = queue;
    }

    /**
     * @param agency only this agency's ("OR/salem-police-department"); an unknown one is a 404
     * @param after  the next page's cursor, from the page before
     */
    @GET
    public TemplateInstance queue(@QueryParam("agency") String agency, @QueryParam("after") String after) {
        Agency only = agency == null || agency.isBlank() ? null
                : Agency.findByKey(agency).orElseThrow(NotFoundException::new);
        List<ReviewQueue.Waiting> waiting;
        try {
            waiting = queue.waiting(only == null ? null : only.id, after);
        } catch (ApiProblem badCursor) {
            // A page, not the API: the refusal comes in the site's layout.
            throw new BadRequestException();
        }
        List<ReviewQueue.Waiting> shown = waiting.stream().limit(ReviewQueue.LIMIT).toList();
        String next = waiting.size() > ReviewQueue.LIMIT ? "/moderation/review?"
                + (only == null ? "" : "agency=" + only.stateCode + "/" + only.slug + "&")
                + "after=" + shown.get(shown.size() - 1).cursor() : null;
        return Templates.queue(shown, next, only);
    }
}
