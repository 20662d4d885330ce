package org.ringwatch.agreement;

import jakarta.enterprise.context.RequestScoped;
import org.ringwatch.agency.Agency;
import org.ringwatch.request.RecordsRequest;
import org.ringwatch.request.RequestAccess;
import org.ringwatch.request.RequestEvent;
import org.ringwatch.request.RequestStatus;
import org.ringwatch.request.RequestViews;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Derives an agency's {@link AgreementStatus} from its published agreements and its public
 * requests. The same for every viewer: a draft agreement or an embargoed request changes
 * nothing until it is public. When several requests disagree the most telling one wins:
 * obtained, then no agreement, then withheld, then asked; among equals the latest.
 */
@RequestScoped
public class AgreementStatuses {

    private final RequestAccess requests;
    private final RequestViews views;

    public AgreementStatuses(RequestAccess requests, RequestViews views) {
        this.requests = requests;
        this.views = views;
    }

    public AgreementStatus of(Agency agency) {
        List<Agreement> published = Agreement.list("agency = ?1 and visibility = 'published' order by id", agency);
        if (!published.isEmpty()) {
            return new AgreementStatus(AgreementStatus.Kind.OBTAINED, published, null, null, null);
        }
        List<RecordsRequest> asked = RecordsRequest.<RecordsRequest>list("agency = ?1 order by createdAt desc, id desc",
                agency).stream().filter(requests::isPublic).toList();
        Optional<RecordsRequest> none = latest(asked, RequestStatus.NO_RESPONSIVE_RECORDS);
        if (none.isPresent()) {
            return new AgreementStatus(AgreementStatus.Kind.NO_AGREEMENT, List.of(), none.get(), null, null);
        }
        Optional<RecordsRequest> denied = latest(asked, RequestStatus.DENIED);
        if (denied.isPresent()) {
            return new AgreementStatus(AgreementStatus.Kind.WITHHELD, List.of(), denied.get(), null,
                    exemption(denied.get()));
        }
        Optional<RecordsRequest> open = asked.stream().filter(r -> r.statusEnum().isActive()).findFirst();
        if (open.isPresent()) {
            return new AgreementStatus(AgreementStatus.Kind.ASKED, List.of(), open.get(),
                    views.view(open.get()).deadline().dueDate(), null);
        }
        return new AgreementStatus(AgreementStatus.Kind.NOT_ASKED, List.of(), null, null, null);
    }

    private static Optional<RecordsRequest> latest(List<RecordsRequest> requests, RequestStatus status) {
        return requests.stream().filter(r -> r.statusEnum() == status).findFirst();
    }

    /** The exemption cited by the public entry that denied it, the latest one that cites any. */
    private static String exemption(RecordsRequest request) {
        return RequestEvent.of(request).stream().filter(e -> !e.isPrivate && e.exemptionCited != null
                        && !e.exemptionCited.isBlank())
                .max(Comparator.comparing((RequestEvent e) -> e.occurredOn).thenComparing(e -> e.id))
                .map(e -> e.exemptionCited).orElse(null);
    }
}
