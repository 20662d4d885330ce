package org.ringwatch.request;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ringwatch.account.Account;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.account.Role;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.ringwatch.platform.Today;

/** A volunteer's desk: their requests by what is due, overdue first, and the requests they follow. */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.VOLUNTEER_NAME)
public class DashboardPages {

    /** How near a due date must be to be flagged. */
    static final int DUE_SOON_DAYS = 3;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(List<RequestView> overdue, List<RequestView> dueSoon,
                List<RequestView> mine, List<RequestView> followed, LocalDate today);
    }

    private final CurrentAccount me;
    private final RequestViews views;
    private final Today today;

    public DashboardPages(CurrentAccount me, RequestViews views, Today today) {
        this.me = me;
        this.views = views;
        this.today = today;
    }

    @GET
    public TemplateInstance dashboard() {
        Account account = me.require();
        LocalDate now = today.date();
        List<RequestView> mine = RecordsRequest.ownedBy(account).stream()
                .map(views::view)
                .sorted(Comparator.comparing((RequestView v) -> v.deadline().dueDate(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        // A followed request that has since been embargoed drops out until the embargo ends.
        List<RequestView> followed = views.visible(RecordsRequest.followedBy(account).stream()
                .filter(r -> !r.isOwnedBy(account)).toList());
        List<RequestView> overdue = mine.stream().filter(v -> v.deadline().overdue()).toList();
        List<RequestView> dueSoon = mine.stream().filter(v -> !v.deadline().overdue() && v.deadline().dueDate() != null
                && !v.deadline().dueDate().isAfter(now.plusDays(DUE_SOON_DAYS))).toList();
        return Templates.dashboard(overdue, dueSoon, mine, followed, now);
    }
}
