package org.ringwatch.agreement;

import io.quarkus.qute.TemplateData;
import org.ringwatch.agency.PartialDate;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An agreement as one viewer may see it, for its page and its JSON alike: each citation says
 * whether this viewer may read the cited page, and a quote from a page they may not read is not
 * given to them at all (null), only the citation marked withheld.
 */
@TemplateData
public record AgreementView(Agreement agreement, boolean canEdit, boolean canPublish, List<Evidence> evidence,
        List<DateLine> dates, List<ClauseLine> clauses, Comparison comparison, List<Change> history) {

    /**
     * This agreement clause by clause against its kind's template; null when its kind has none or
     * it is the template. Clauses whose quote this viewer may not read (on either side) are left
     * out, since a diff would show their words.
     */
    @TemplateData
    public record Comparison(long templateId, String templateTitle, TemplateComparison result) {
    }

    /** A document the agreement rests on, as this viewer may know it. */
    @TemplateData
    public record Evidence(long id, String name, String sha256, int pages, boolean visible, String publisher,
            String sourceUrl) {
    }

    /**
     * A cited page. {@code readable}: this viewer may read it; {@code withheld}: the page is
     * withheld from the public (its reason), which reviewers are shown too.
     */
    @TemplateData
    public record Cite(long documentId, String sha256, int page, boolean readable, String withheldReason) {
        public boolean withheld() {
            return withheldReason != null;
        }

        /** The page in the document's page view. */
        public String pageHref() {
            return "/documents/" + documentId + "#page-" + page;
        }

        /** The page in the file itself, for PDF viewers that honour {@code #page=}. */
        public String fileHref() {
            return "/api/v1/documents/" + documentId + "/file#page=" + page;
        }
    }

    @TemplateData
    public record DateLine(Vocabulary.DateKind kind, PartialDate date, Cite cite) {
    }

    @TemplateData
    public record ClauseLine(ClauseTopic topic, Vocabulary.ClauseState state, String quote, Cite cite,
            Map<Figure, BigDecimal> figures, boolean checkedByEye) {
        /** Null quote for a readable citation never happens: null means withheld from this viewer. */
        public boolean quoteWithheld() {
            return cite != null && quote == null;
        }
    }

    /** One entry of its history: when, what was done, which fields changed. */
    @TemplateData
    public record Change(OffsetDateTime at, String action, List<String> fields) {
        /** The action as people say it; the audit log's code when it is one this page does not know. */
        public String label() {
            return switch (action) {
                case "create" -> "Recorded";
                case "update" -> "Changed";
                case "publish" -> "Published";
                case "mark_template" -> "Made the template of its kind";
                case "unmark_template" -> "No longer the template of its kind";
                default -> action;
            };
        }
    }

    public boolean isUpdatedSincePublished() {
        return agreement.publishedAt != null && agreement.updatedAt != null
                && agreement.updatedAt.isAfter(agreement.publishedAt);
    }
}
