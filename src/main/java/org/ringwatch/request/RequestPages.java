package org.ringwatch.request;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.ringwatch.account.Account;
import org.ringwatch.account.CurrentAccount;
import org.ringwatch.account.Role;
import org.ringwatch.agency.Agency;
import org.ringwatch.agency.AgencyDirectory;
import org.ringwatch.agency.AgencyDirectory.AgencyRow;
import org.ringwatch.platform.Today;
import org.ringwatch.state.RecordsLaw;
import org.ringwatch.web.Flash;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Requests in the browser: list, start one, read one, edit it, log its correspondence, its letter. */
@Path("/requests")
@Produces(MediaType.TEXT_HTML)
public class RequestPages {

    /** The fields of the event form, as typed, to show back with errors. */
    public record EventForm(String date, String direction, String channel, String subject, String body,
            String status, String exemption, String trackingNumbers, String fee, String feePaid, boolean isPrivate) {

        static EventForm empty(String today) {
            return new EventForm(today, "received", "email", "", "", "", "", "", "", "", false);
        }

        EventInput input() {
            return new EventInput(date, direction, channel, subject, body, status, exemption,
                    trackingNumbers == null ? List.of() : Arrays.asList(trackingNumbers.split("[,\\n]")), fee, feePaid,
                    isPrivate);
        }
    }

    /** The fields of the edit form: the request as saved, or as typed when the save was refused. */
    public record EditForm(String title, String records, String letter, String embargoUntil, String privateNotes) {

        static EditForm of(RequestView view) {
            RecordsRequest r = view.request();
            return new EditForm(r.title, r.recordsSought, r.letterText,
                    r.embargoUntil == null ? "" : r.embargoUntil.toString(), view.privateNotes());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<RequestList.Listed> requests);

        static native TemplateInstance start(String q, List<AgencyRow> agencies, Agency agency, RecordsLaw law,
                OpenRequests others, List<RequestList.Listed> fulfilled, String title, String records,
                boolean feeWaiver, Map<String, String> errors);

        static native TemplateInstance request(RequestView view, List<RequestStatus> nextStatuses, EventForm event,
                EditForm edit, Map<String, String> errors, boolean following, RecordsLaw law,
                List<RequestAttachments.Attachment> documents);

        static native TemplateInstance letter(RequestView view);
    }

    /** Fulfilled requests the start page links; an agency rarely has more. */
    private static final int FULFILLED_SHOWN = 10;

    private final RequestService service;
    private final RequestViews views;
    private final RequestAccess access;
    private final CurrentAccount me;
    private final AgencyDirectory directory;
    private final Today today;
    private final RequestList requestList;
    private final RequestAttachments attachments;

    public RequestPages(RequestService service, RequestViews views, RequestAccess access, CurrentAccount me,
            AgencyDirectory directory, Today today, RequestList requestList,
            RequestAttachments attachments) {
        this.service = service;
        this.views = views;
        this.access = access;
        this.me = me;
        this.directory = directory;
        this.today = today;
        this.requestList = requestList;
        this.attachments = attachments;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(requestList.visible(null, 200));
    }

    @GET
    @Path("new")
    @RolesAllowed(Role.VOLUNTEER_NAME)
    public TemplateInstance start(@QueryParam("q") String q, @QueryParam("agency") String agencyKey) {
        Agency agency = Agency.findByKey(agencyKey).orElse(null);
        if (agency == null) {
            List<AgencyRow> found = q == null || q.isBlank() ? List.of() : directory.page(null, q.strip(), null, 50);
            return Templates.start(q == null ? "" : q, found, null, null, new OpenRequests(List.of(), 0), List.of(),
                    "", "", true, Map.of());
        }
        return startForm(agency, "Records about the Ring partnership", defaultRecords(agency), true, Map.of());
    }

    @POST
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String agency, @RestForm String title, @RestForm String records,
            @RestForm boolean feeWaiver, @RestForm boolean confirmDuplicate) {
        Agency target = Agency.findByKey(agency).orElse(null);
        if (target == null) {
            throw new NotFoundException();
        }
        if (!views.openTo(target).isEmpty() && !confirmDuplicate) {
            return Response.status(409).entity(startForm(target, title, records, feeWaiver, Map.of("confirmDuplicate",
                    "Another request to this agency is open. Follow it instead, or tick the box to file your own."))).build();
        }
        RequestService.Result<RecordsRequest> result = service.create(me.require(), target, title, records, feeWaiver);
        if (result.failed()) {
            return Response.status(422).entity(startForm(target, title, records, feeWaiver, result.errors())).build();
        }
        return Flash.redirect("/requests/" + result.value().id,
                "Draft saved. Check the letter, send it to the agency, then log it as filed.");
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return page(views.load(id), EventForm.empty(today.date().toString()), Map.of());
    }

    @POST
    @Path("{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @RestForm String title, @RestForm String records,
            @RestForm String letter, @RestForm String embargoUntil, @RestForm String privateNotes) {
        RequestView view = changeable(id);
        RequestService.Result<RecordsRequest> result = service.update(me.require(), id, title, records, letter,
                embargoUntil, privateNotes);
        if (result.failed()) {
            return Response.status(422).entity(page(view, EventForm.empty(today.date().toString()),
                    new EditForm(title, records, letter, embargoUntil, privateNotes), result.errors())).build();
        }
        return Flash.redirect("/requests/" + id, "Request saved.");
    }

    @POST
    @Path("{id}/events")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response log(@PathParam("id") long id, @RestForm String date, @RestForm String direction,
            @RestForm String channel, @RestForm String subject, @RestForm String body, @RestForm String status,
            @RestForm String exemption, @RestForm String trackingNumbers, @RestForm String fee,
            @RestForm String feePaid, @RestForm boolean isPrivate) {
        RequestView view = changeable(id);
        EventForm form = new EventForm(date, direction, channel, subject, body, status, exemption, trackingNumbers,
                fee, feePaid, isPrivate);
        RequestService.Result<RequestEvent> result = service.log(me.require(), id, form.input());
        if (result.failed()) {
            return Response.status(422).entity(page(view, form, result.errors())).build();
        }
        return Flash.redirect("/requests/" + id + "#event-" + result.value().id, "Entry logged.");
    }

    @POST
    @Path("{id}/follow")
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response follow(@PathParam("id") long id, @RestForm boolean stop) {
        views.load(id);
        service.follow(me.require(), id, !stop);
        return Flash.redirect("/requests/" + id, stop ? "You no longer follow this request."
                : "You follow this request: it is on your dashboard.");
    }

    @POST
    @Path("{id}/adopt")
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response adopt(@PathParam("id") long id) {
        views.load(id);
        String problem = service.adopt(me.require(), id, me.isModerator());
        return Flash.redirect("/requests/" + id, problem == null
                ? "You adopted this request: it is yours now, with its log and deadlines." : problem);
    }

    @GET
    @Path("{id}/letter")
    @Authenticated
    public TemplateInstance letter(@PathParam("id") long id) {
        return Templates.letter(changeable(id));
    }

    /** The letter as a text file, to paste into an e-mail or a portal. */
    @GET
    @Path("{id}/letter.txt")
    @Authenticated
    @Produces("text/plain; charset=UTF-8")
    public Response letterText(@PathParam("id") long id) {
        RequestView view = changeable(id);
        return Response.ok(view.request().letterText)
                .header("Content-Disposition", "attachment; filename=\"ringwatch-request-" + id + "-letter.txt\"")
                .header("Cache-Control", "private, no-store").build();
    }

    private TemplateInstance page(RequestView view, EventForm form, Map<String, String> errors) {
        return page(view, form, EditForm.of(view), errors);
    }

    private TemplateInstance page(RequestView view, EventForm form, EditForm edit, Map<String, String> errors) {
        boolean following = me.account().map(a -> service.follows(a, view.request())).orElse(false);
        return Templates.request(view, List.copyOf(view.request().statusEnum().next()), form, edit, errors, following,
                RecordsLaw.currentFor(view.request().agency.stateCode).orElse(null),
                attachments.visibleOn(view.request()));
    }

    /** Visible and changeable by the viewer; others get the same 404 as for a missing request. */
    private RequestView changeable(long id) {
        RequestView view = views.load(id);
        if (!view.canChange()) {
            throw new ForbiddenException();
        }
        return view;
    }

    private TemplateInstance startForm(Agency agency, String title, String records, boolean feeWaiver,
            Map<String, String> errors) {
        // Fulfilled requests are no duplicates to warn of, but their records may be what the volunteer wants.
        return Templates.start("", List.of(), agency, RecordsLaw.currentFor(agency.stateCode).orElse(null),
                views.openTo(agency), requestList.visible(agency.id, RequestStatus.FULFILLED, FULFILLED_SHOWN), title,
                records, feeWaiver, errors);
    }

    static String defaultRecords(Agency agency) {
        return """
                1. Any agreement, memorandum of understanding, terms of service, or other contract between the %s \
                and Ring LLC or Amazon.com, Inc. (including Neighbors, Neighbors Public Safety Service, the Neighbors \
                Portal, and Ring's integration with Axon), with all amendments and attachments.
                2. Correspondence (including e-mail) between employees of the %s and employees or representatives of \
                Ring or Amazon about such an agreement, its terms, promotions or free or discounted devices.
                3. Records of requests the %s made to Ring users for video through Ring's platform (counts by month \
                are enough if the requests themselves are exempt).""".formatted(agency.name, agency.name, agency.name);
    }
}
