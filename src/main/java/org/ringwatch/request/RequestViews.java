package org.ringwatch.request;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;
import org.ringwatch.agency.Agency;

import java.util.List;

/** Loads a request for the current viewer, or answers 404 when they may not see it at all. */
@RequestScoped
public class RequestViews {

    private final RequestAccess access;
    private final Deadlines deadlines;
    private final RequestService requests;

    public RequestViews(RequestAccess access, Deadlines deadlines, RequestService requests) {
        this.access = access;
        this.deadlines = deadlines;
        this.requests = requests;
    }

    /**
     * @throws NotFoundException also for requests that exist but are not visible: a 403 would
     *                           tell strangers that an embargoed request exists
     */
    public RequestView load(long id) {
        RecordsRequest request = RecordsRequest.findWithAgency(id).filter(access::canSee)
                .orElseThrow(NotFoundException::new);
        return view(request);
    }

    /** The open requests to {@code agency} the viewer may see, and how many others are open there. */
    public OpenRequests openTo(Agency agency) {
        List<RecordsRequest> open = RecordsRequest.activeFor(agency);
        List<RecordsRequest> visible = open.stream().filter(access::canSee).toList();
        return new OpenRequests(visible, open.size() - visible.size());
    }

    /** Those of {@code requests} the viewer may see, as views. */
    public List<RequestView> visible(List<RecordsRequest> requests) {
        return requests.stream().filter(access::canSee).map(this::view).toList();
    }

    public RequestView view(RecordsRequest request) {
        boolean canSeePrivate = access.canSeePrivate(request);
        List<RequestEvent> all = RequestEvent.of(request);
        List<RequestEvent> shown = canSeePrivate ? all : all.stream().filter(e -> !e.isPrivate).toList();
        // The deadline counts every status change, private or not: a private entry still happened.
        return new RequestView(request, shown, requests.trackingNumbers(request, canSeePrivate), deadlines.reckon(request, all),
                canSeePrivate, access.canChange(request));
    }
}
