package org.ringwatch.review;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.account.Role;

import java.util.List;

/** The review queue: what waits for a moderator, oldest first. */
@Path("/moderation/review")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.MODERATOR_NAME)
public class ReviewPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<ReviewQueue.Waiting> waiting, boolean more);
    }

    private final ReviewQueue queue;

    public ReviewPages(ReviewQueue queue) {
        this.queue = queue;
    }

    @GET
    public TemplateInstance queue() {
        List<ReviewQueue.Waiting> waiting = queue.waiting();
        return Templates.queue(waiting.stream().limit(ReviewQueue.LIMIT).toList(), waiting.size() > ReviewQueue.LIMIT);
    }
}
