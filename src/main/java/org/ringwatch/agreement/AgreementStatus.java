package org.ringwatch.agreement;

import io.quarkus.qute.TemplateData;
import org.ringwatch.request.RecordsRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Where an agency stands, as anyone may know it: its published agreements, or else what its
 * public records requests found. "No agreement exists" and "withheld" are results too, derived
 * from the request that ended so, never typed a second time.
 *
 * @param agreements the published agreements when {@link Kind#OBTAINED}; empty otherwise
 * @param request    the request the status comes from (not for obtained and not-yet-asked)
 * @param dueDate    when the agency's answer is due, for {@link Kind#ASKED}
 * @param exemption  the exemption the agency cited, for {@link Kind#WITHHELD}, when it cited one
 */
@TemplateData
public record AgreementStatus(Kind kind, List<Agreement> agreements, RecordsRequest request, LocalDate dueDate,
        String exemption) {

    @TemplateData
    public enum Kind {
        OBTAINED("Agreement obtained"),
        ASKED("Asked"),
        NO_AGREEMENT("No agreement exists"),
        WITHHELD("Withheld"),
        NOT_ASKED("Not yet asked");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
