package org.ringwatch.agreement;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The agreement form's fields as typed, under the names {@link AgreementForm}'s messages use
 * ({@code title}, {@code dates.signed.date}, {@code clauses.confidentiality.quote},
 * {@code signatories.0.name}): read from a posted form, from a stored agreement for editing, or
 * blank for a new one; turned into an {@link AgreementInput}; and shown back as rows, every value
 * kept, beside its message.
 */
@TemplateData
public final class AgreementFormFields {

    /** Blank signatory rows a new form offers; a form posted with more keeps them all. */
    static final int SIGNATORY_ROWS = 3;
    /** Rows beyond this are not read: a form cannot make the server allocate what it likes. */
    static final int MAX_SIGNATORY_ROWS = 50;
    static final String CHECKED_BY_EYE = "checked_by_eye";

    private static final Set<String> SIMPLE = Set.of("evidence", "kind", "title", "program_names", "public_parties",
            "counterparty_other", "execution", "approval_body", "votes_for", "votes_against", "end_reason");
    private static final Pattern SIGNATORY = Pattern.compile("signatories\\.(\\d{1,2})\\.(name|title|party)");

    private final Map<String, String> values;
    private final Set<String> counterparties;
    private final int signatoryRows;

    private AgreementFormFields(Map<String, String> values, Set<String> counterparties, int signatoryRows) {
        this.values = values;
        this.counterparties = counterparties;
        this.signatoryRows = signatoryRows;
    }

    /** A field's name and the value typed in it, for the template's field tag. */
    @TemplateData
    public record Input(String key, String value) {
        public boolean ticked() {
            return "true".equals(value) || "on".equals(value);
        }
    }

    @TemplateData
    public record DateRow(Vocabulary.DateKind kind, Input date, Input document, Input page) {
    }

    @TemplateData
    public record SignatoryRow(int number, Input name, Input title, Input party) {
    }

    @TemplateData
    public record FigureInput(Figure figure, Input input) {
    }

    @TemplateData
    public record ClauseRow(ClauseTopic topic, Input state, Input quote, Input document, Input page,
            Input checkedByEye, List<FigureInput> figures) {
    }

    /** A new agreement's form, its evidence the document it starts from. */
    public static AgreementFormFields blank(long documentId) {
        Map<String, String> values = new HashMap<>();
        values.put("evidence", String.valueOf(documentId));
        values.put("execution", Vocabulary.Execution.UNKNOWN.code());
        return new AgreementFormFields(values, Set.of(), SIGNATORY_ROWS);
    }

    /** The fields of a posted form; names the form does not have are ignored. */
    public static AgreementFormFields typed(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        int rows = SIGNATORY_ROWS;
        for (Map.Entry<String, List<String>> entry : form.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue() == null || entry.getValue().isEmpty() ? null : entry.getValue().get(0);
            Matcher signatory = SIGNATORY.matcher(key);
            if (signatory.matches()) {
                int index = Integer.parseInt(signatory.group(1));
                if (index < MAX_SIGNATORY_ROWS) {
                    values.put(key, value);
                    rows = Math.max(rows, index + 1);
                }
            } else if (SIMPLE.contains(key) || isDateKey(key) || isClauseKey(key)) {
                values.put(key, value);
            }
        }
        List<String> ticked = form.get("counterparties");
        return new AgreementFormFields(values, ticked == null ? Set.of() : new LinkedHashSet<>(ticked), rows);
    }

    /** A stored agreement's fields, for its edit form. */
    public static AgreementFormFields of(Agreement agreement) {
        Map<String, String> values = new HashMap<>();
        values.put("evidence", agreement.evidence.stream().map(d -> String.valueOf(d.id))
                .collect(Collectors.joining(", ")));
        values.put("kind", agreement.kind);
        values.put("title", agreement.title);
        values.put("program_names", String.join("\n", agreement.programNames));
        values.put("public_parties", String.join("\n", agreement.publicParties));
        values.put("counterparty_other", agreement.counterpartyOther);
        values.put("execution", agreement.execution);
        values.put("approval_body", agreement.approvalBody);
        values.put("votes_for", agreement.votesFor == null ? null : agreement.votesFor.toString());
        values.put("votes_against", agreement.votesAgainst == null ? null : agreement.votesAgainst.toString());
        values.put("end_reason", agreement.endReason);
        for (AgreementDate date : agreement.dates) {
            String prefix = "dates." + date.kind + ".";
            values.put(prefix + "date", date.partial().iso());
            values.put(prefix + "document", String.valueOf(date.documentId));
            values.put(prefix + "page", String.valueOf(date.pageNumber));
        }
        for (int i = 0; i < agreement.signatories.size(); i++) {
            AgreementSignatory signatory = agreement.signatories.get(i);
            values.put("signatories." + i + ".name", signatory.name);
            values.put("signatories." + i + ".title", signatory.title);
            values.put("signatories." + i + ".party", signatory.party);
        }
        for (AgreementClause clause : agreement.clauses) {
            String prefix = "clauses." + clause.topic + ".";
            values.put(prefix + "state", clause.state);
            values.put(prefix + "quote", clause.quote);
            values.put(prefix + "document", clause.documentId == null ? null : clause.documentId.toString());
            values.put(prefix + "page", clause.pageNumber == null ? null : clause.pageNumber.toString());
            values.put(prefix + CHECKED_BY_EYE, clause.checkedByEyeBy == null ? null : "true");
            clause.figures.forEach((figure, number) -> values.put(prefix + "figures." + figure, plain(number)));
        }
        return new AgreementFormFields(values, new LinkedHashSet<>(agreement.counterparties),
                Math.max(SIGNATORY_ROWS, agreement.signatories.size() + 1));
    }

    /** What the service checks and stores. */
    public AgreementInput input() {
        Map<Vocabulary.DateKind, AgreementInput.DateInput> dates = new EnumMap<>(Vocabulary.DateKind.class);
        for (DateRow row : dates()) {
            dates.put(row.kind(), new AgreementInput.DateInput(row.date().value(), row.document().value(),
                    row.page().value()));
        }
        List<AgreementInput.SignatoryInput> signatories = signatories().stream()
                .map(row -> new AgreementInput.SignatoryInput(row.name().value(), row.title().value(),
                        row.party().value()))
                .toList();
        Map<ClauseTopic, AgreementInput.ClauseInput> clauses = new EnumMap<>(ClauseTopic.class);
        for (ClauseRow row : clauses()) {
            Map<Figure, String> figures = new EnumMap<>(Figure.class);
            row.figures().forEach(f -> figures.put(f.figure(), f.input().value()));
            clauses.put(row.topic(), new AgreementInput.ClauseInput(row.state().value(), row.quote().value(),
                    row.document().value(), row.page().value(), figures, row.checkedByEye().ticked()));
        }
        return new AgreementInput(value("kind"), value("title"), value("program_names"), value("public_parties"),
                List.copyOf(counterparties), value("counterparty_other"), value("execution"),
                value("approval_body"), value("votes_for"), value("votes_against"), value("end_reason"),
                value("evidence"), dates, signatories, clauses);
    }

    /** The value typed in field {@code key}, or null. */
    public String value(String key) {
        return values.get(key);
    }

    public boolean hasCounterparty(String code) {
        return counterparties.contains(code);
    }

    /** The first document of the evidence, when it is a number: the one whose pages the form shows. */
    public Optional<Long> firstEvidence() {
        String evidence = value("evidence");
        if (evidence == null) {
            return Optional.empty();
        }
        Matcher id = Pattern.compile("#?(\\d{1,18})").matcher(evidence.strip().split("[\\s,;]+")[0]);
        return id.matches() ? Optional.of(Long.parseLong(id.group(1))) : Optional.empty();
    }

    public List<DateRow> dates() {
        List<DateRow> rows = new ArrayList<>();
        for (Vocabulary.DateKind kind : Vocabulary.DateKind.values()) {
            String prefix = "dates." + kind.code() + ".";
            rows.add(new DateRow(kind, input(prefix + "date"), input(prefix + "document"), input(prefix + "page")));
        }
        return rows;
    }

    public List<SignatoryRow> signatories() {
        List<SignatoryRow> rows = new ArrayList<>();
        for (int i = 0; i < signatoryRows; i++) {
            String prefix = "signatories." + i + ".";
            rows.add(new SignatoryRow(i + 1, input(prefix + "name"), input(prefix + "title"), input(prefix + "party")));
        }
        return rows;
    }

    public List<ClauseRow> clauses() {
        List<ClauseRow> rows = new ArrayList<>();
        for (ClauseTopic topic : ClauseTopic.values()) {
            String prefix = "clauses." + topic.code() + ".";
            List<FigureInput> figures = topic.figures().stream()
                    .map(figure -> new FigureInput(figure, input(prefix + "figures." + figure.code()))).toList();
            rows.add(new ClauseRow(topic, input(prefix + "state"), input(prefix + "quote"), input(prefix + "document"),
                    input(prefix + "page"), input(prefix + CHECKED_BY_EYE), figures));
        }
        return rows;
    }

    private Input input(String key) {
        return new Input(key, values.get(key));
    }

    private static boolean isDateKey(String key) {
        for (Vocabulary.DateKind kind : Vocabulary.DateKind.values()) {
            String prefix = "dates." + kind.code() + ".";
            if (key.equals(prefix + "date") || key.equals(prefix + "document") || key.equals(prefix + "page")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isClauseKey(String key) {
        for (ClauseTopic topic : ClauseTopic.values()) {
            String prefix = "clauses." + topic.code() + ".";
            if (!key.startsWith(prefix)) {
                continue;
            }
            String part = key.substring(prefix.length());
            return Set.of("state", "quote", "document", "page", CHECKED_BY_EYE).contains(part)
                    || topic.figures().stream().anyMatch(figure -> part.equals("figures." + figure.code()));
        }
        return false;
    }

    /** A stored figure as one would type it: plain digits, never "1E+3". */
    static String plain(Object number) {
        return number instanceof BigDecimal decimal ? decimal.toPlainString()
                : number == null ? null : String.valueOf(number);
    }
}
