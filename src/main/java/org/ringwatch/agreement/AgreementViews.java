package org.ringwatch.agreement;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.RequestScoped;
import org.ringwatch.audit.AuditEntry;
import org.ringwatch.document.Document;
import org.ringwatch.document.DocumentAccess;
import org.ringwatch.document.DocumentView;
import org.ringwatch.document.PageTexts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds {@link AgreementView}s: the agreement as this viewer may see it, with each citation's
 * page readable or withheld. A page withheld after publishing stays withheld: the public sees
 * the citation marked so, never the quote [ASVS 8.2.1].
 */
@RequestScoped
public class AgreementViews {

    private static final TypeReference<Map<String, Object>> JSON_MAP = new TypeReference<>() {
    };

    private final AgreementAccess access;
    private final DocumentAccess documents;
    private final ObjectMapper json;

    public AgreementViews(AgreementAccess access, DocumentAccess documents, ObjectMapper json) {
        this.access = access;
        this.documents = documents;
        this.json = json;
    }

    /** The agreement {@code id} as this viewer may see it; empty when missing or private to others (404). */
    public Optional<AgreementView> find(long id) {
        return access.find(id).map(this::view);
    }

    public AgreementView view(Agreement agreement) {
        Map<Long, SortedMap<Integer, String>> withheld = PageTexts.withheld(
                agreement.evidence.stream().map(d -> d.id).toList());
        Map<Long, Optional<DocumentView>> seen = new java.util.HashMap<>();
        agreement.evidence.forEach(d -> seen.put(d.id, documents.view(d)));
        List<AgreementView.Evidence> evidence = agreement.evidence.stream().map(d -> evidence(d, seen.get(d.id)))
                .toList();
        List<AgreementView.DateLine> dates = agreement.dates.stream()
                .sorted(java.util.Comparator.comparing(AgreementDate::kindEnum))
                .map(d -> new AgreementView.DateLine(d.kindEnum(), d.partial(),
                        cite(d.documentId, d.pageNumber, seen, withheld)))
                .toList();
        List<AgreementView.ClauseLine> clauses = agreement.clauses.stream()
                .sorted(java.util.Comparator.comparing(AgreementClause::topicEnum))
                .map(c -> clause(c, seen, withheld)).toList();
        return new AgreementView(agreement, access.canEdit(agreement), access.canPublish() && !agreement.isPublished(),
                evidence, dates, clauses, history(agreement));
    }

    private static AgreementView.Evidence evidence(Document d, Optional<DocumentView> view) {
        return new AgreementView.Evidence(d.id, view.map(v -> d.originalName).orElse(null),
                view.map(v -> v.file().sha256()).orElse(null), d.pageCount == null ? 0 : d.pageCount,
                view.isPresent(), null, null);
    }

    private static AgreementView.ClauseLine clause(AgreementClause c, Map<Long, Optional<DocumentView>> seen,
            Map<Long, SortedMap<Integer, String>> withheld) {
        AgreementView.Cite cite = c.documentId == null ? null : cite(c.documentId, c.pageNumber, seen, withheld);
        Map<Figure, java.math.BigDecimal> figures = new EnumMap<>(Figure.class);
        c.figures.forEach((code, value) -> figures.put(Figure.valueOf(code.toUpperCase(java.util.Locale.ROOT)), value));
        String quote = cite == null || cite.readable() ? c.quote : null;
        return new AgreementView.ClauseLine(c.topicEnum(), c.stateEnum(), quote, cite,
                cite == null || cite.readable() ? figures : Map.of(), c.checkedByEyeBy != null);
    }

    /** Readable: the viewer may see the document, and the page is not withheld unless they review it. */
    private static AgreementView.Cite cite(long documentId, int page, Map<Long, Optional<DocumentView>> seen,
            Map<Long, SortedMap<Integer, String>> withheld) {
        Optional<DocumentView> view = seen.getOrDefault(documentId, Optional.empty());
        String reason = withheld.getOrDefault(documentId, new TreeMap<>()).get(page);
        boolean readable = view.isPresent() && (reason == null || view.get().review());
        return new AgreementView.Cite(documentId, view.map(v -> v.file().sha256()).orElse(null), page, readable,
                reason);
    }

    /** Its audit entries, oldest first, with the names of the fields each one changed. */
    private List<AgreementView.Change> history(Agreement agreement) {
        List<AgreementView.Change> changes = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>(AuditEntry.latest(200, "agreement", String.valueOf(agreement.id)));
        java.util.Collections.reverse(entries);
        for (AuditEntry entry : entries) {
            Map<String, Object> before = read(entry.beforeState);
            Map<String, Object> after = read(entry.afterState);
            List<String> fields = after.keySet().stream()
                    .filter(key -> !Objects.equals(before.get(key), after.get(key))).toList();
            changes.add(new AgreementView.Change(entry.occurredAt, entry.action, entry.beforeState == null ? List.of() : fields));
        }
        return changes;
    }

    private Map<String, Object> read(String state) {
        if (state == null) {
            return Map.of();
        }
        try {
            return json.readValue(state, JSON_MAP);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable audit state", e);
        }
    }
}
