package org.ringwatch.agreement;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import org.ringwatch.document.DocumentAccess;
import org.ringwatch.document.PageText;
import org.ringwatch.document.ReadablePages;

import java.util.List;
import java.util.Map;

/**
 * The agreement form, for a new agreement and for changing one: every field with what was typed
 * and its message, every clause of the vocabulary as a row, and beside it the readable pages of
 * the document it starts from, to quote from. Both the form's resources render it from here.
 */
@RequestScoped
@TemplateData(target = Vocabulary.Kind.class)
@TemplateData(target = Vocabulary.Counterparty.class)
@TemplateData(target = Vocabulary.Execution.class)
@TemplateData(target = Vocabulary.EndReason.class)
@TemplateData(target = Vocabulary.DateKind.class)
@TemplateData(target = Vocabulary.ClauseState.class)
@TemplateData(target = ClauseTopic.class)
@TemplateData(target = Figure.class)
public class AgreementEditor {

    @CheckedTemplate(basePath = "AgreementPages")
    static class Templates {
        static native TemplateInstance form(AgreementFormFields fields, Map<String, String> errors, Choices choices,
                Panel panel, String action, String heading, String back);
    }

    /** The lists the form's selects and checkboxes offer. */
    @TemplateData
    public record Choices(List<Vocabulary.Kind> kinds, List<Vocabulary.Counterparty> counterparties,
            List<Vocabulary.Execution> executions, List<Vocabulary.EndReason> endReasons,
            List<Vocabulary.ClauseState> clauseStates) {
    }

    /** The pages of one document the viewer may read, shown beside the form. */
    @TemplateData
    public record Panel(long documentId, String name, List<PageText> pages) {
    }

    private static final Choices CHOICES = new Choices(List.of(Vocabulary.Kind.values()),
            List.of(Vocabulary.Counterparty.values()), List.of(Vocabulary.Execution.values()),
            List.of(Vocabulary.EndReason.values()), List.of(Vocabulary.ClauseState.values()));

    private final DocumentAccess documents;

    public AgreementEditor(DocumentAccess documents) {
        this.documents = documents;
    }

    /** The form for a new agreement, posted to {@code /agreements}. */
    public TemplateInstance create(AgreementFormFields fields, Map<String, String> errors) {
        String back = fields.firstEvidence().map(id -> "/documents/" + id).orElse("/agreements");
        return Templates.form(fields, errors, CHOICES, panel(fields), "/agreements", "Record an agreement", back);
    }

    /** The form changing agreement {@code id}, posted to its own address. */
    public TemplateInstance edit(long id, AgreementFormFields fields, Map<String, String> errors) {
        return Templates.form(fields, errors, CHOICES, panel(fields), "/agreements/" + id, "Change the agreement",
                "/agreements/" + id);
    }

    private Panel panel(AgreementFormFields fields) {
        return fields.firstEvidence().flatMap(documents::find)
                .map(view -> new Panel(view.document().id, view.document().originalName, ReadablePages.of(view)))
                .orElse(null);
    }
}
