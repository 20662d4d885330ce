package org.ringwatch.agreement;

import io.quarkus.qute.TemplateData;
import org.ringwatch.agency.PartialDate;

import java.time.LocalDate;

/**
 * An agency's {@link AgreementStatus} as a list row carries it: plain values from
 * {@link AgencyStatusList}'s one query, the due date reckoned in Java for asked rows only.
 *
 * @param agreementId    the first published agreement, when obtained
 * @param agreements     how many published agreements it has
 * @param requestId      the request the status comes from (not for obtained and not-yet-asked)
 * @param requestStatus  that request's status code ("processing")
 * @param dueDate        when the agency's answer is due, for asked; null where the law sets no days
 * @param daysLate       days past the due date, 0 when not overdue
 * @param exemption      the exemption cited, for withheld, when one was
 */
@TemplateData
public record AgencyStatus(AgreementStatus.Kind kind, Long agreementId, String agreementKind, String agreementTitle,
        PartialDate signed, int agreements, Long requestId, String requestStatus, LocalDate dueDate, long daysLate,
        String exemption) {

    public String agreementKindLabel() {
        return agreementKind == null ? null
                : Vocabulary.fromCode(Vocabulary.Kind.class, agreementKind).map(Vocabulary.Kind::label)
                        .orElse(agreementKind);
    }

    /** Published agreements beyond the one a list links to. */
    public int moreAgreements() {
        return Math.max(0, agreements - 1);
    }

    public boolean late() {
        return daysLate > 0;
    }
}
