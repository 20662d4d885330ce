package org.ringwatch.agreement;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An agreement in the API, built from the {@link AgreementView} the viewer may see: every
 * citation names the document, the SHA-256 of the bytes this viewer gets and the page; a quote
 * from a page the viewer may not read is null and its citation says {@code withheld}.
 */
public record AgreementJson(long id, String page, String agency, String agencyName, Long request, String kind,
        String title, List<String> programNames, List<String> publicParties, List<String> counterparties,
        String counterpartyOther, String execution, String approvalBody, Integer votesFor, Integer votesAgainst,
        String endReason, String visibility, boolean isTemplate, List<EvidenceJson> evidence, List<DateJson> dates,
        List<SignatoryJson> signatories, List<ClauseJson> clauses, ComparisonJson comparison,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime publishedAt) {

    /** Clause by clause against the template; {@code diff} for clauses both quote (equal, inserted, deleted words). */
    public record ComparisonJson(long template, String page, List<RowJson> clauses) {
        static ComparisonJson of(AgreementView.Comparison comparison) {
            return comparison == null ? null : new ComparisonJson(comparison.templateId(),
                    "/agreements/" + comparison.templateId(), comparison.result().rows().stream()
                    .map(row -> new RowJson(row.topic().code(), row.outcome().code(), row.diff() == null ? null
                            : row.diff().segments().stream().map(s -> new SegmentJson(s.op().code(), s.text())).toList()))
                    .toList());
        }
    }

    public record RowJson(String topic, String outcome, List<SegmentJson> diff) {
    }

    public record SegmentJson(String op, String text) {
    }

    /** A document it rests on; {@code publisher} and {@code source_url} for one obtained elsewhere than a request. */
    public record EvidenceJson(long id, String name, String sha256, int pages, String page, String publisher,
            String sourceUrl) {
    }

    public record CitationJson(long document, String sha256, int page, boolean withheld, String pageUrl) {
        static CitationJson of(AgreementView.Cite cite) {
            return cite == null ? null : new CitationJson(cite.documentId(), cite.sha256(), cite.page(),
                    !cite.readable() || cite.withheld(), cite.pageHref());
        }
    }

    public record DateJson(String kind, String date, String precision, CitationJson citation) {
    }

    public record SignatoryJson(String name, String title, String party) {
    }

    public record ClauseJson(String topic, String state, String quote, CitationJson citation,
            Map<String, BigDecimal> figures, boolean checkedByEye) {
    }

    /**
     * A clause in the clauses list, joined to the agreements list by {@code agreement_id}; the
     * figures are columns of their own, so a spreadsheet can sum them.
     */
    public record ListedClauseJson(long agreementId, String topic, String state, String quote, CitationJson citation,
            FiguresJson figures, boolean checkedByEye) {

        public static ListedClauseJson of(AgreementList.ListedClause listed) {
            AgreementView.ClauseLine c = listed.clause();
            return new ListedClauseJson(listed.view().agreement().id, c.topic().code(), c.state().code(), c.quote(),
                    CitationJson.of(c.cite()), FiguresJson.of(c.figures()), c.checkedByEye());
        }
    }

    /** Every {@link Figure}, null where the clause does not give it. */
    public record FiguresJson(BigDecimal devices, BigDecimal dollarsPerDownload, BigDecimal cityDollars,
            BigDecimal vendorMatchDollars, BigDecimal residents, BigDecimal discountDollars) {

        static FiguresJson of(Map<Figure, BigDecimal> figures) {
            BigDecimal[] values = new BigDecimal[Figure.values().length];
            figures.forEach((figure, value) -> values[switch (figure) {
                // A switch without default: a new figure fails to compile here until it has its column.
                case DEVICES -> 0;
                case DOLLARS_PER_DOWNLOAD -> 1;
                case CITY_DOLLARS -> 2;
                case VENDOR_MATCH_DOLLARS -> 3;
                case RESIDENTS -> 4;
                case DISCOUNT_DOLLARS -> 5;
            }] = value);
            return new FiguresJson(values[0], values[1], values[2], values[3], values[4], values[5]);
        }
    }

    public static AgreementJson of(AgreementView view) {
        Agreement a = view.agreement();
        return new AgreementJson(a.id, "/agreements/" + a.id, a.agency.stateCode + "/" + a.agency.slug,
                a.agency.name, a.request == null ? null : a.request.id, a.kind, a.title, a.programNames,
                a.publicParties, a.counterparties, a.counterpartyOther, a.execution, a.approvalBody, a.votesFor,
                a.votesAgainst, a.endReason, a.visibility, a.isTemplate,
                view.evidence().stream().filter(AgreementView.Evidence::visible)
                        .map(e -> new EvidenceJson(e.id(), e.name(), e.sha256(), e.pages(), "/documents/" + e.id(),
                                e.publisher(), e.sourceUrl()))
                        .toList(),
                view.dates().stream().map(d -> new DateJson(d.kind().code(), d.date().iso(), d.date().precision(),
                        CitationJson.of(d.cite()))).toList(),
                a.signatories.stream().map(s -> new SignatoryJson(s.name, s.title, s.party)).toList(),
                view.clauses().stream().map(c -> {
                    Map<String, BigDecimal> figures = new TreeMap<>();
                    c.figures().forEach((figure, value) -> figures.put(figure.code(), value));
                    return new ClauseJson(c.topic().code(), c.state().code(), c.quote(), CitationJson.of(c.cite()),
                            figures, c.checkedByEye());
                }).toList(),
                ComparisonJson.of(view.comparison()), a.createdAt, a.updatedAt, a.publishedAt);
    }
}
