package org.ringwatch.agreement;

import java.util.List;
import java.util.Map;

/**
 * An agreement as a form or the API sends it, before validation: every value is text as typed,
 * so that a bad one can be shown back with its message and nothing typed is lost. Lists of names
 * are one per line. Error keys name the fields the same way the form does: {@code title},
 * {@code dates.signed.date}, {@code clauses.confidentiality.quote}, {@code signatories.0.name}.
 */
public record AgreementInput(String kind, String title, String programNames, String publicParties,
        List<String> counterparties, String counterpartyOther, String execution, String approvalBody,
        String votesFor, String votesAgainst, String endReason, String evidence,
        Map<Vocabulary.DateKind, DateInput> dates, List<SignatoryInput> signatories,
        Map<ClauseTopic, ClauseInput> clauses) {

    public AgreementInput {
        counterparties = counterparties == null ? List.of() : counterparties;
        dates = dates == null ? Map.of() : dates;
        signatories = signatories == null ? List.of() : signatories;
        clauses = clauses == null ? Map.of() : clauses;
    }

    /**
     * A date as typed: "2018-12-13", "2018-12" or "2018", the precision read from its form,
     * with the document and page that show it. Blank date: not known.
     */
    public record DateInput(String date, String document, String page) {
        public boolean isBlank() {
            return blank(date) && blank(document) && blank(page);
        }
    }

    public record SignatoryInput(String name, String title, String party) {
        public boolean isBlank() {
            return blank(name) && blank(title) && blank(party);
        }
    }

    /**
     * What the editor says of one clause. {@code checkedByEye}: the quote is on the page though
     * its text (OCR noise) does not show it.
     */
    public record ClauseInput(String state, String quote, String document, String page, Map<Figure, String> figures,
            boolean checkedByEye) {
        public ClauseInput {
            figures = figures == null ? Map.of() : figures;
        }

        public boolean isBlank() {
            return blank(state) && blank(quote) && blank(document) && blank(page)
                    && figures.values().stream().allMatch(AgreementInput::blank);
        }
    }

    /** What the agreement says now, as typed input: the edit form's values, and the base a PATCH changes. */
    public static AgreementInput of(Agreement a) {
        Map<Vocabulary.DateKind, DateInput> dates = new java.util.EnumMap<>(Vocabulary.DateKind.class);
        a.dates.forEach(d -> dates.put(d.kindEnum(), new DateInput(d.partial().iso(), String.valueOf(d.documentId),
                String.valueOf(d.pageNumber))));
        Map<ClauseTopic, ClauseInput> clauses = new java.util.EnumMap<>(ClauseTopic.class);
        a.clauses.forEach(c -> {
            Map<Figure, String> figures = new java.util.EnumMap<>(Figure.class);
            c.figures.forEach((code, value) -> figures.put(Figure.valueOf(code.toUpperCase(java.util.Locale.ROOT)),
                    value.toPlainString()));
            clauses.put(c.topicEnum(), new ClauseInput(c.state, c.quote, c.documentId == null ? null : String.valueOf(c.documentId),
                    c.pageNumber == null ? null : String.valueOf(c.pageNumber), figures, c.checkedByEyeBy != null));
        });
        return new AgreementInput(a.kind, a.title, String.join("\n", a.programNames), String.join("\n", a.publicParties),
                List.copyOf(a.counterparties), a.counterpartyOther, a.execution, a.approvalBody,
                a.votesFor == null ? null : String.valueOf(a.votesFor),
                a.votesAgainst == null ? null : String.valueOf(a.votesAgainst), a.endReason,
                String.join(", ", a.evidence.stream().map(d -> String.valueOf(d.id)).toList()), dates,
                a.signatories.stream().map(s -> new SignatoryInput(s.name, s.title, s.party)).toList(), clauses);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
