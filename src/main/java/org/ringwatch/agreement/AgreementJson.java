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
        List<SignatoryJson> signatories, List<ClauseJson> clauses, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        OffsetDateTime publishedAt) {

    public record EvidenceJson(long id, String name, String sha256, int pages, String page) {
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

    public static AgreementJson of(AgreementView view) {
        Agreement a = view.agreement();
        return new AgreementJson(a.id, "/agreements/" + a.id, a.agency.stateCode + "/" + a.agency.slug,
                a.agency.name, a.request == null ? null : a.request.id, a.kind, a.title, a.programNames,
                a.publicParties, a.counterparties, a.counterpartyOther, a.execution, a.approvalBody, a.votesFor,
                a.votesAgainst, a.endReason, a.visibility, a.isTemplate,
                view.evidence().stream().filter(AgreementView.Evidence::visible)
                        .map(e -> new EvidenceJson(e.id(), e.name(), e.sha256(), e.pages(), "/documents/" + e.id()))
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
                a.createdAt, a.updatedAt, a.publishedAt);
    }
}
