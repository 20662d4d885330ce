package org.ringwatch.agreement;

import jakarta.persistence.EntityManager;
import org.ringwatch.account.Account;
import org.ringwatch.document.Document;
import org.ringwatch.document.PageTexts;
import org.ringwatch.platform.Names;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@link AgreementInput} checked, field by field, into values ready to store: each wrong
 * field gets one message under the form's own field name, and a quote is checked against the
 * text of the page it cites ({@link Quotes}).
 */
final class AgreementForm {

    static final int MAX_TITLE = 200;
    static final int MAX_NAME = 200;
    static final int MAX_NAMES = 20;
    static final int MAX_QUOTE = 5_000;
    static final int MAX_VOTES = 1_000;
    private static final BigDecimal MAX_FIGURE = new BigDecimal("1000000000");
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern DOCUMENT_ID = Pattern.compile("#?(\\d{1,18})");

    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Predicate<Document> canSee;
    private final List<Document> evidence = new ArrayList<>();
    private Vocabulary.Kind kind;
    private String title;
    private List<String> programNames = List.of();
    private List<String> publicParties = List.of();
    private final List<String> counterparties = new ArrayList<>();
    private String counterpartyOther;
    private Vocabulary.Execution execution = Vocabulary.Execution.UNKNOWN;
    private String approvalBody;
    private Integer votesFor;
    private Integer votesAgainst;
    private Vocabulary.EndReason endReason;
    private final List<CheckedDate> dates = new ArrayList<>();
    private final List<AgreementInput.SignatoryInput> signatories = new ArrayList<>();
    private final List<CheckedClause> clauses = new ArrayList<>();

    private record CheckedDate(Vocabulary.DateKind kind, LocalDate on, String precision, long document, int page) {
    }

    private record CheckedClause(ClauseTopic topic, Vocabulary.ClauseState state, String quote, Long document,
            Integer page, Map<String, BigDecimal> figures, boolean checkedByEye) {
    }

    private AgreementForm(Predicate<Document> canSee) {
        this.canSee = canSee;
    }

    /** @param canSee whether the person entering it may see a document: they may cite only those */
    static AgreementForm check(AgreementInput input, Predicate<Document> canSee) {
        AgreementForm form = new AgreementForm(canSee);
        form.checkEvidence(input.evidence());
        form.checkParties(input);
        form.checkDates(input);
        form.checkSignatories(input.signatories());
        form.checkClauses(input.clauses());
        return form;
    }

    boolean failed() {
        return !errors.isEmpty();
    }

    Map<String, String> errors() {
        return errors;
    }

    private void checkEvidence(String text) {
        if (AgreementInput.blank(text)) {
            errors.put("evidence", "Name the document (its number, such as 12) that shows this agreement.");
            return;
        }
        for (String part : text.strip().split("[\\s,;]+")) {
            Matcher id = DOCUMENT_ID.matcher(part);
            Optional<Document> document = id.matches()
                    ? Document.<Document>findByIdOptional(Long.parseLong(id.group(1))).filter(canSee)
                    : Optional.empty();
            if (document.isEmpty()) {
                errors.put("evidence", "“" + Names.clean(part) + "” is not a document you can see: give document numbers, such as 12, 15.");
                return;
            }
            if (evidence.stream().noneMatch(d -> d.id.equals(document.get().id))) {
                evidence.add(document.get());
            }
        }
        long agencies = evidence.stream().map(AgreementForm::agencyOf).distinct().count();
        if (agencies > 1) {
            errors.put("evidence", "These documents are about different agencies; an agreement is one agency's.");
        }
    }

    static Long agencyOf(Document document) {
        return document.agency.id;
    }

    private void checkParties(AgreementInput input) {
        kind = Vocabulary.fromCode(Vocabulary.Kind.class, input.kind()).orElse(null);
        if (kind == null) {
            errors.put("kind", "Choose what kind of paper this is.");
        }
        title = Names.clean(input.title());
        if (title == null || title.isEmpty()) {
            errors.put("title", "Give the title the paper has, such as “Memorandum of Understanding”.");
        } else if (title.length() > MAX_TITLE) {
            errors.put("title", "Use at most " + MAX_TITLE + " characters.");
        }
        programNames = lines(input.programNames(), "program_names");
        publicParties = lines(input.publicParties(), "public_parties");
        for (String code : input.counterparties()) {
            Optional<Vocabulary.Counterparty> party = Vocabulary.fromCode(Vocabulary.Counterparty.class, code);
            if (party.isEmpty()) {
                errors.put("counterparties", "Choose the counterparties from the list.");
            } else if (!counterparties.contains(party.get().code())) {
                counterparties.add(party.get().code());
            }
        }
        if (counterparties.isEmpty() && !errors.containsKey("counterparties")) {
            errors.put("counterparties", "Choose who signed on the vendor's side (Ring LLC, Ring Inc., …).");
        }
        counterpartyOther = Names.clean(input.counterpartyOther());
        boolean other = counterparties.contains(Vocabulary.Counterparty.OTHER.code());
        if (other && (counterpartyOther == null || counterpartyOther.isEmpty())) {
            errors.put("counterparty_other", "Name the other counterparty.");
        } else if (!other && counterpartyOther != null && !counterpartyOther.isEmpty()) {
            errors.put("counterparty_other", "Tick “Other” too, or leave this empty.");
        } else if (counterpartyOther != null && counterpartyOther.length() > MAX_NAME) {
            errors.put("counterparty_other", "Use at most " + MAX_NAME + " characters.");
        }
        counterpartyOther = other ? counterpartyOther : null;
        if (!AgreementInput.blank(input.execution())) {
            execution = Vocabulary.fromCode(Vocabulary.Execution.class, input.execution()).orElse(null);
            if (execution == null) {
                errors.put("execution", "Choose how it was signed from the list.");
            }
        }
        approvalBody = optionalName(input.approvalBody(), "approval_body");
        votesFor = votes(input.votesFor(), "votes_for");
        votesAgainst = votes(input.votesAgainst(), "votes_against");
        if (!AgreementInput.blank(input.endReason())) {
            endReason = Vocabulary.fromCode(Vocabulary.EndReason.class, input.endReason()).orElse(null);
            if (endReason == null) {
                errors.put("end_reason", "Choose why it ended from the list.");
            }
        }
    }

    private void checkDates(AgreementInput input) {
        for (Vocabulary.DateKind dateKind : Vocabulary.DateKind.values()) {
            AgreementInput.DateInput date = input.dates().get(dateKind);
            String field = "dates." + dateKind.code();
            if (date == null || date.isBlank()) {
                continue;
            }
            Matcher match = DATE.matcher(date.date() == null ? "" : date.date().strip());
            LocalDate on = null;
            String precision = null;
            if (match.matches()) {
                try {
                    int year = Integer.parseInt(match.group(1));
                    precision = match.group(3) != null ? "day" : match.group(2) != null ? "month" : "year";
                    on = LocalDate.of(year, match.group(2) == null ? 1 : Integer.parseInt(match.group(2)),
                            match.group(3) == null ? 1 : Integer.parseInt(match.group(3)));
                    if (year < 2010 || year > 2100) {
                        errors.put(field + ".date", "Give a year between 2010 and 2100.");
                    }
                } catch (DateTimeException e) {
                    on = null;
                }
            }
            if (on == null) {
                errors.put(field + ".date", "Give the date as it is known: 2018-12-13, 2018-12 or 2018.");
            }
            Optional<Cited> cited = citation(field, date.document(), date.page());
            if (on != null && cited.isPresent() && !errors.containsKey(field + ".date")) {
                dates.add(new CheckedDate(dateKind, on, precision, cited.get().document().id, cited.get().page()));
            }
        }
        if (endReason != null && input.dates().getOrDefault(Vocabulary.DateKind.ENDED,
                new AgreementInput.DateInput(null, null, null)).isBlank()) {
            errors.put("end_reason", "Give the date it ended too, or leave the reason empty.");
        }
    }

    private void checkSignatories(List<AgreementInput.SignatoryInput> rows) {
        for (int i = 0; i < rows.size(); i++) {
            AgreementInput.SignatoryInput row = rows.get(i);
            if (row == null || row.isBlank()) {
                continue;
            }
            String field = "signatories." + i;
            String name = Names.clean(row.name());
            String party = Names.clean(row.party());
            String title = Names.clean(row.title());
            if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
                errors.put(field + ".name", "Give the name as signed (1 to " + MAX_NAME + " characters).");
            }
            if (party == null || party.isEmpty() || party.length() > MAX_NAME) {
                errors.put(field + ".party", "Say whom they signed for (1 to " + MAX_NAME + " characters).");
            }
            if (title != null && title.length() > MAX_NAME) {
                errors.put(field + ".title", "Use at most " + MAX_NAME + " characters.");
            }
            signatories.add(new AgreementInput.SignatoryInput(name, title == null || title.isEmpty() ? null : title, party));
        }
    }

    private void checkClauses(Map<ClauseTopic, AgreementInput.ClauseInput> input) {
        for (ClauseTopic topic : ClauseTopic.values()) {
            AgreementInput.ClauseInput clause = input.get(topic);
            if (clause == null || clause.isBlank()) {
                continue;
            }
            String field = "clauses." + topic.code();
            Optional<Vocabulary.ClauseState> state = Vocabulary.fromCode(Vocabulary.ClauseState.class, clause.state());
            if (state.isEmpty()) {
                errors.put(field + ".state", "Say whether the clause is present, absent, struck or unknown.");
                continue;
            }
            Map<String, BigDecimal> figures = figures(topic, clause.figures(), field);
            if (!state.get().isQuoted()) {
                if (!AgreementInput.blank(clause.quote()) || !AgreementInput.blank(clause.page())) {
                    errors.put(field + ".quote", "An absent or unknown clause has nothing to quote: choose present or struck, or clear the quote and page.");
                } else if (!figures.isEmpty()) {
                    errors.put(field + ".state", "Figures come from the paper: choose present or struck to give them.");
                } else {
                    clauses.add(new CheckedClause(topic, state.get(), null, null, null, Map.of(), false));
                }
                continue;
            }
            String quote = clause.quote() == null ? "" : clause.quote().strip();
            if (quote.isEmpty()) {
                errors.put(field + ".quote", "Quote the clause as the page has it.");
            } else if (quote.length() > MAX_QUOTE) {
                errors.put(field + ".quote", "Quote at most " + MAX_QUOTE + " characters: the clause itself.");
            } else if (quote.indexOf('\0') >= 0) {
                errors.put(field + ".quote", "The quote contains a character that cannot be stored.");
            }
            Optional<Cited> cited = citation(field, clause.document(), clause.page());
            if (cited.isEmpty() || errors.containsKey(field + ".quote")) {
                continue;
            }
            String pageText = PageTexts.text(cited.get().document().id, cited.get().page()).orElse("");
            if (!clause.checkedByEye() && !Quotes.isOnPage(quote, pageText)) {
                errors.put(field + ".quote", "This quote is not on page " + cited.get().page() + " of document #"
                        + cited.get().document().id + ". Check the page number and the words; if the page's text"
                        + " (read by OCR) garbles it and you have read it on the page, tick “checked by eye”.");
                continue;
            }
            clauses.add(new CheckedClause(topic, state.get(), quote, cited.get().document().id, cited.get().page(),
                    figures, clause.checkedByEye() && !Quotes.isOnPage(quote, pageText)));
        }
    }

    private record Cited(Document document, int page) {
    }

    /** The document and page a date or clause cites: one of the evidence, a page it has. Blank document: the first. */
    private Optional<Cited> citation(String field, String documentText, String pageText) {
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        Document document = evidence.get(0);
        if (!AgreementInput.blank(documentText)) {
            Matcher id = DOCUMENT_ID.matcher(documentText.strip());
            Optional<Document> named = id.matches()
                    ? evidence.stream().filter(d -> d.id == Long.parseLong(id.group(1))).findFirst()
                    : Optional.empty();
            if (named.isEmpty()) {
                errors.put(field + ".document", "Cite one of the documents this agreement names as evidence.");
                return Optional.empty();
            }
            document = named.get();
        }
        int pages = document.pageCount == null ? 0 : document.pageCount;
        int page;
        try {
            page = Integer.parseInt(pageText == null ? "" : pageText.strip().replaceFirst("^(?i)p\\.?\\s*", ""));
        } catch (NumberFormatException e) {
            page = 0;
        }
        if (page < 1 || page > pages) {
            errors.put(field + ".page", pages == 0
                    ? "Document #" + document.id + " has no pages read yet; wait until its text is read."
                    : "Give a page of document #" + document.id + ", from 1 to " + pages + ".");
            return Optional.empty();
        }
        return Optional.of(new Cited(document, page));
    }

    private Map<String, BigDecimal> figures(ClauseTopic topic, Map<Figure, String> typed, String field) {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        for (Map.Entry<Figure, String> entry : typed.entrySet()) {
            if (AgreementInput.blank(entry.getValue())) {
                continue;
            }
            Figure figure = entry.getKey();
            String key = field + ".figures." + figure.code();
            if (!topic.figures().contains(figure)) {
                errors.put(key, topic.label() + " has no figure “" + figure.label() + "”.");
                continue;
            }
            try {
                BigDecimal value = new BigDecimal(entry.getValue().strip().replace(",", "").replaceFirst("^\\$", ""));
                if (value.signum() < 0 || value.compareTo(MAX_FIGURE) > 0) {
                    errors.put(key, "Give a number from 0 to 1,000,000,000.");
                } else if (!figure.isDollars() && value.stripTrailingZeros().scale() > 0) {
                    errors.put(key, "Give a whole number.");
                } else if (value.stripTrailingZeros().scale() > 2) {
                    errors.put(key, "Give dollars to the cent at most.");
                } else {
                    figures.put(figure.code(), value);
                }
            } catch (NumberFormatException e) {
                errors.put(key, figure.isDollars() ? "Give an amount in dollars, such as 100 or 10.50." : "Give a whole number, such as 15.");
            }
        }
        return figures;
    }

    private List<String> lines(String text, String field) {
        if (AgreementInput.blank(text)) {
            return List.of();
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        Arrays.stream(text.split("\\R")).map(Names::clean).filter(name -> name != null && !name.isEmpty())
                .forEach(names::add);
        if (names.size() > MAX_NAMES || names.stream().anyMatch(name -> name.length() > MAX_NAME)) {
            errors.put(field, "Give at most " + MAX_NAMES + " names, one per line, each at most " + MAX_NAME + " characters.");
        }
        return List.copyOf(names);
    }

    private String optionalName(String text, String field) {
        String name = Names.clean(text);
        if (name == null || name.isEmpty()) {
            return null;
        }
        if (name.length() > MAX_NAME) {
            errors.put(field, "Use at most " + MAX_NAME + " characters.");
        }
        return name;
    }

    private Integer votes(String text, String field) {
        if (AgreementInput.blank(text)) {
            return null;
        }
        try {
            int votes = Integer.parseInt(text.strip());
            if (votes >= 0 && votes <= MAX_VOTES) {
                return votes;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        errors.put(field, "Give the number of votes, a whole number.");
        return null;
    }

    /** Writes the checked values over the agreement's, children replaced; {@link #failed} must be false. */
    void applyTo(Agreement agreement, Account actor, EntityManager em) {
        Document first = evidence.get(0);
        agreement.agency = first.agency;
        agreement.request = evidence.stream().map(d -> d.request).filter(r -> r != null).findFirst().orElse(null);
        agreement.kind = kind.code();
        agreement.title = title;
        agreement.programNames = new ArrayList<>(programNames);
        agreement.publicParties = new ArrayList<>(publicParties);
        agreement.counterparties = new ArrayList<>(counterparties);
        agreement.counterpartyOther = counterpartyOther;
        agreement.execution = execution.code();
        agreement.approvalBody = approvalBody;
        agreement.votesFor = votesFor;
        agreement.votesAgainst = votesAgainst;
        agreement.endReason = endReason == null ? null : endReason.code();
        agreement.evidence.clear();
        agreement.evidence.addAll(evidence);
        // Removed rows are deleted before new ones are inserted: (agreement, kind) and (agreement, topic) are unique.
        boolean existing = agreement.id != null;
        agreement.dates.clear();
        agreement.signatories.clear();
        agreement.clauses.clear();
        if (existing) {
            em.flush();
        }
        for (CheckedDate date : dates) {
            AgreementDate row = new AgreementDate();
            row.agreement = agreement;
            row.kind = date.kind().code();
            row.occurredOn = date.on();
            row.precision = date.precision();
            row.documentId = date.document();
            row.pageNumber = date.page();
            agreement.dates.add(row);
        }
        for (int i = 0; i < signatories.size(); i++) {
            AgreementSignatory row = new AgreementSignatory();
            row.agreement = agreement;
            row.ordinal = i;
            row.name = signatories.get(i).name();
            row.title = signatories.get(i).title();
            row.party = signatories.get(i).party();
            agreement.signatories.add(row);
        }
        for (CheckedClause clause : clauses) {
            AgreementClause row = new AgreementClause();
            row.agreement = agreement;
            row.topic = clause.topic().code();
            row.state = clause.state().code();
            row.quote = clause.quote();
            row.documentId = clause.document();
            row.pageNumber = clause.page();
            row.figures = new LinkedHashMap<>(clause.figures());
            row.checkedByEyeBy = clause.checkedByEye() ? actor.id : null;
            agreement.clauses.add(row);
        }
    }
}
