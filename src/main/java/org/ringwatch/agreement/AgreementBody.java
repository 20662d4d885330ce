package org.ringwatch.agreement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An agreement as the API receives it (JSON, snake_case). For POST every field is read; for
 * PATCH a field left out (null) keeps its value, and within {@code dates} and {@code clauses} a
 * key set to null removes that date or clause. Unknown date kinds, clauses or figures are field
 * errors, never ignored.
 */
public record AgreementBody(List<Long> evidence, String kind, String title, List<String> programNames,
        List<String> publicParties, List<String> counterparties, String counterpartyOther, String execution,
        String approvalBody, Integer votesFor, Integer votesAgainst, String endReason, Map<String, DateBody> dates,
        List<SignatoryBody> signatories, Map<String, ClauseBody> clauses) {

    public record DateBody(String date, Long document, Integer page) {
    }

    public record SignatoryBody(String name, String title, String party) {
    }

    public record ClauseBody(String state, String quote, Long document, Integer page, Map<String, BigDecimal> figures,
            Boolean checkedByEye) {
    }

    /** The input for a new agreement; {@code errors} receives the names no vocabulary knows. */
    AgreementInput toInput(Map<String, String> errors) {
        return over(new AgreementInput(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null), errors);
    }

    /** This body's fields over {@code base}. */
    AgreementInput over(AgreementInput base, Map<String, String> errors) {
        Map<Vocabulary.DateKind, AgreementInput.DateInput> newDates = new EnumMap<>(Vocabulary.DateKind.class);
        newDates.putAll(base.dates());
        if (dates != null) {
            dates.forEach((code, date) -> {
                Optional<Vocabulary.DateKind> kind = Vocabulary.fromCode(Vocabulary.DateKind.class, code);
                if (kind.isEmpty()) {
                    errors.put("dates." + code, "Unknown date; the dates are signed, approved, announced, effective, ended.");
                } else if (date == null) {
                    newDates.remove(kind.get());
                } else {
                    newDates.put(kind.get(), new AgreementInput.DateInput(date.date(), text(date.document()),
                            text(date.page())));
                }
            });
        }
        Map<ClauseTopic, AgreementInput.ClauseInput> newClauses = new EnumMap<>(ClauseTopic.class);
        newClauses.putAll(base.clauses());
        if (clauses != null) {
            clauses.forEach((code, clause) -> {
                Optional<ClauseTopic> topic = Vocabulary.fromCode(ClauseTopic.class, code);
                if (topic.isEmpty()) {
                    errors.put("clauses." + code, "Unknown clause; GET /api/v1/agreements/vocabulary lists them.");
                } else if (clause == null) {
                    newClauses.remove(topic.get());
                } else {
                    newClauses.put(topic.get(), clause(topic.get(), clause, errors));
                }
            });
        }
        return new AgreementInput(pick(kind, base.kind()), pick(title, base.title()),
                programNames == null ? base.programNames() : String.join("\n", programNames),
                publicParties == null ? base.publicParties() : String.join("\n", publicParties),
                counterparties == null ? base.counterparties() : counterparties,
                pick(counterpartyOther, base.counterpartyOther()), pick(execution, base.execution()),
                pick(approvalBody, base.approvalBody()), votesFor == null ? base.votesFor() : text(votesFor),
                votesAgainst == null ? base.votesAgainst() : text(votesAgainst), pick(endReason, base.endReason()),
                evidence == null ? base.evidence() : String.join(", ", evidence.stream().map(String::valueOf).toList()),
                newDates,
                signatories == null ? base.signatories() : signatories.stream()
                        .map(s -> s == null ? null : new AgreementInput.SignatoryInput(s.name(), s.title(), s.party()))
                        .toList(),
                newClauses);
    }

    private static AgreementInput.ClauseInput clause(ClauseTopic topic, ClauseBody body, Map<String, String> errors) {
        Map<Figure, String> figures = new EnumMap<>(Figure.class);
        if (body.figures() != null) {
            body.figures().forEach((code, value) -> {
                Optional<Figure> figure = new ArrayList<>(List.of(Figure.values())).stream()
                        .filter(f -> f.code().equals(code)).findFirst();
                if (figure.isEmpty()) {
                    errors.put("clauses." + topic.code() + ".figures." + code, "Unknown figure; " + topic.label()
                            + " takes " + topic.figures().stream().map(Figure::code).toList() + ".");
                } else {
                    figures.put(figure.get(), value == null ? null : value.toPlainString());
                }
            });
        }
        return new AgreementInput.ClauseInput(body.state(), body.quote(), text(body.document()), text(body.page()),
                figures, Boolean.TRUE.equals(body.checkedByEye()));
    }

    private static String pick(String value, String base) {
        return value == null ? base : value;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
