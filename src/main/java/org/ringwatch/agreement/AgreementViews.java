package org.ringwatch.agreement;

import jakarta.enterprise.context.RequestScoped;
import org.ringwatch.audit.AuditDiff;
import org.ringwatch.audit.AuditEntry;
import org.ringwatch.document.Document;
import org.ringwatch.document.DocumentAccess;
import org.ringwatch.document.DocumentView;
import org.ringwatch.document.PageTexts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds {@link AgreementView}s: the agreement as this viewer may see it, with each citation's
 * page readable or withheld. A page withheld after publishing stays withheld: the public sees
 * the citation marked so, never the quote [ASVS 8.2.1].
 */
@RequestScoped
public class AgreementViews {

    private final AgreementAccess access;
    private final DocumentAccess documents;

    public AgreementViews(AgreementAccess access, DocumentAccess documents) {
        this.access = access;
        this.documents = documents;
    }

    /** The agreement {@code id} as this viewer may see it; empty when missing or private to others (404). */
    public Optional<AgreementView> find(long id) {
        return access.find(id).map(this::view);
    }

    /** {@link #find} after a change made in its own transaction: this request's session still holds the old state. */
    public Optional<AgreementView> findChanged(long id) {
        Agreement.getEntityManager().clear();
        return find(id);
    }

    /** The agreement with everything: its comparison with the template and its history. */
    public AgreementView view(Agreement agreement) {
        return build(agreement, true);
    }

    /**
     * For lists: the agreement without its comparison and history, which cost a template's
     * clauses, a diff and the audit log for each item and which a list does not show.
     */
    public AgreementView summary(Agreement agreement) {
        return build(agreement, false);
    }

    private AgreementView build(Agreement agreement, boolean full) {
        Cited cited = cited(agreement);
        List<AgreementView.DateLine> dates = agreement.dates.stream()
                .sorted(Comparator.comparing(AgreementDate::kindEnum))
                .map(d -> new AgreementView.DateLine(d.kindEnum(), d.partial(), cited.cite(d.documentId, d.pageNumber)))
                .toList();
        List<AgreementView.ClauseLine> clauses = clauses(agreement, cited);
        return new AgreementView(agreement, access.canEdit(agreement), access.canPublish() && !agreement.isPublished(),
                cited.evidence(), dates, clauses, full ? comparison(agreement, clauses) : null,
                full ? history(agreement) : List.of());
    }

    /** The comparison with its kind's published template, as far as this viewer may read both. */
    private AgreementView.Comparison comparison(Agreement agreement, List<AgreementView.ClauseLine> here) {
        Optional<Agreement> template = Agreement.templateOf(agreement.kind).filter(t -> !t.id.equals(agreement.id));
        if (template.isEmpty()) {
            return null;
        }
        List<AgreementView.ClauseLine> theirs = clauses(template.get(), cited(template.get()));
        Set<ClauseTopic> unreadable = new HashSet<>();
        Stream.concat(here.stream(), theirs.stream()).filter(AgreementView.ClauseLine::quoteWithheld)
                .forEach(line -> unreadable.add(line.topic()));
        return new AgreementView.Comparison(template.get().id, template.get().title,
                TemplateComparison.of(texts(theirs, unreadable), texts(here, unreadable)));
    }

    private static List<ClauseText> texts(List<AgreementView.ClauseLine> lines, Set<ClauseTopic> unreadable) {
        return lines.stream().filter(line -> !unreadable.contains(line.topic()))
                .map(line -> new ClauseText(line.topic(), line.state(), line.quote())).toList();
    }

    private static List<AgreementView.ClauseLine> clauses(Agreement agreement, Cited cited) {
        return agreement.clauses.stream().sorted(Comparator.comparing(AgreementClause::topicEnum))
                .map(c -> clause(c, cited)).toList();
    }

    /** What this viewer may know of an agreement's documents and their withheld pages. */
    private record Cited(Map<Long, Optional<DocumentView>> seen, Map<Long, SortedMap<Integer, String>> withheld,
            List<AgreementView.Evidence> evidence) {

        /** Readable: the viewer may see the document, and the page is not withheld unless they review it. */
        AgreementView.Cite cite(long documentId, int page) {
            Optional<DocumentView> view = seen.getOrDefault(documentId, Optional.empty());
            String reason = withheld.getOrDefault(documentId, new TreeMap<>()).get(page);
            boolean readable = view.isPresent() && (reason == null || view.get().review());
            return new AgreementView.Cite(documentId, view.map(v -> v.file().sha256()).orElse(null), page, readable,
                    reason);
        }
    }

    private Cited cited(Agreement agreement) {
        Map<Long, Optional<DocumentView>> seen = new HashMap<>();
        agreement.evidence.forEach(d -> seen.put(d.id, documents.view(d)));
        return new Cited(seen, PageTexts.withheld(agreement.evidence.stream().map(d -> d.id).toList()),
                agreement.evidence.stream().map(d -> evidence(d, seen.get(d.id))).toList());
    }

    private static AgreementView.Evidence evidence(Document d, Optional<DocumentView> view) {
        return new AgreementView.Evidence(d.id, view.map(v -> d.originalName).orElse(null),
                view.map(v -> v.file().sha256()).orElse(null), d.pageCount == null ? 0 : d.pageCount,
                view.isPresent(), view.map(v -> d.sourcePublisher).orElse(null), view.map(v -> d.sourceUrl).orElse(null));
    }

    private static AgreementView.ClauseLine clause(AgreementClause c, Cited cited) {
        AgreementView.Cite cite = c.documentId == null ? null : cited.cite(c.documentId, c.pageNumber);
        boolean readable = cite == null || cite.readable();
        Map<Figure, BigDecimal> figures = new EnumMap<>(Figure.class);
        c.figures.forEach((code, value) -> figures.put(Figure.valueOf(code.toUpperCase(Locale.ROOT)), value));
        return new AgreementView.ClauseLine(c.topicEnum(), c.stateEnum(), readable ? c.quote : null, cite,
                readable ? figures : Map.of(), c.checkedByEyeBy != null);
    }

    /** Its audit entries, oldest first, with the names of the fields each one changed. */
    private List<AgreementView.Change> history(Agreement agreement) {
        List<AgreementView.Change> changes = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>(AuditEntry.latest(200, "agreement", String.valueOf(agreement.id)));
        Collections.reverse(entries);
        for (AuditEntry entry : entries) {
            changes.add(new AgreementView.Change(entry.occurredAt, entry.action, entry.beforeState == null ? List.of()
                    : AuditDiff.changedFields(entry.beforeState, entry.afterState)));
        }
        return changes;
    }
}
