package org.ringwatch.agreement;

import jakarta.enterprise.context.RequestScoped;
import org.ringwatch.agency.Agency;
import org.ringwatch.request.RecordsRequest;

import java.util.List;

/**
 * Derives an agency's {@link AgreementStatus} from its published agreements and its public
 * requests. The same for every viewer: a draft agreement or an embargoed request changes
 * nothing until it is public. When several requests disagree the most telling one wins:
 * obtained, then no agreement, then withheld, then asked; among equals the latest. The rule
 * itself is {@link AgencyStatusList}'s SQL, run here for one agency, so that the agency page and
 * every list agree; this only loads what the page shows of the agreements and the request.
 */
@RequestScoped
public class AgreementStatuses {

    private final AgencyStatusList list;

    public AgreementStatuses(AgencyStatusList list) {
        this.list = list;
    }

    public AgreementStatus of(Agency agency) {
        AgencyStatus status = list.agency(agency.id).orElseThrow().status();
        List<Agreement> published = status.kind() == AgreementStatus.Kind.OBTAINED
                ? Agreement.list("agency = ?1 and visibility = 'published' order by id", agency)
                : List.of();
        RecordsRequest request = status.requestId() == null ? null : RecordsRequest.findById(status.requestId());
        return new AgreementStatus(status.kind(), published, request, status.dueDate(), status.exemption());
    }
}
