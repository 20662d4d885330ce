package org.ringwatch.agreement;

import io.quarkus.qute.TemplateExtension;

import org.ringwatch.platform.Today;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What the agreement templates print for stored codes and numbers. */
@TemplateExtension
public class AgreementLabels {

    private AgreementLabels() {
    }

    /** "ring_llc" → "Ring LLC". */
    static String counterpartyLabel(String code) {
        return Vocabulary.fromCode(Vocabulary.Counterparty.class, code).map(Vocabulary.Coded::label).orElse(code);
    }

    /** "docusign" → "Signed with DocuSign". */
    static String executionLabel(String code) {
        return Vocabulary.fromCode(Vocabulary.Execution.class, code).map(Vocabulary.Coded::label).orElse(code);
    }

    /** "agency_left" → "The agency left". */
    static String endReasonLabel(String code) {
        return Vocabulary.fromCode(Vocabulary.EndReason.class, code).map(Vocabulary.Coded::label).orElse(code);
    }

    /** "4–1" (for, against), as votes are reported; null when neither is known. */
    static String vote(Agreement agreement) {
        if (agreement.votesFor == null && agreement.votesAgainst == null) {
            return null;
        }
        return (agreement.votesFor == null ? "?" : agreement.votesFor) + "\u2013"
                + (agreement.votesAgainst == null ? "?" : agreement.votesAgainst);
    }

    /** The day a change happened, where the service reckons its days. */
    static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(Today.ZONE).toLocalDate();
    }

    /** A figure as written: "$10.50" for dollars, "15" for counts. */
    /** The clause a figure belongs to, whose list is behind the figure's total. */
    static ClauseTopic clause(Figure figure) {
        return ClauseTopic.carrying(figure);
    }

    static String figureText(Figure figure, BigDecimal value) {
        String number = AgreementFormFields.plain(value);
        return figure.isDollars() ? "$" + number : number;
    }
}
