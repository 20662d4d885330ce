package org.ringwatch.agreement;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.ringwatch.agency.PartialDate;
import org.ringwatch.document.DocumentAccess;
import org.ringwatch.platform.SqlLimit;
import org.ringwatch.web.Highlights;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Full-text search over published agreements, for the search page and API: the title, the
 * program names, the agency's name and the quotes of the clauses. Only what anyone may see is
 * searched, whoever asks: published agreements ({@link AgreementAccess#PUBLIC}; a draft is found
 * by nobody, not even its author, as a private document's pages are not), and of those only the
 * quotes whose cited page the public may read (document public by {@link DocumentAccess#PUBLIC},
 * page not withheld), so a withheld quote can neither be matched nor shown in the excerpt.
 * <p>
 * The vector is computed in the query, with no stored column, index or migration: agreements
 * are entered by hand from released documents, so published ones number in the tens to hundreds,
 * and at that size a sequential pass is cheap. It costs about 0.1 ms per published agreement of a
 * title and six quotes (measured on PostgreSQL 17 here: 300 agreements 34 ms, 2,600 about 280 ms),
 * so past roughly 400 it outgrows the 50 ms search budget (design.md §5). Then index it: a GIN
 * expression index per field (title, quote) searched with OR, or a stored vector per agreement
 * rebuilt whenever a clause, a cited page's withholding or a document's visibility changes.
 * Note PostgreSQL's parser skips text inside {@code <script>}/{@code <style>} tags and tag-like
 * {@code <...>} runs, so words there are neither matched nor highlighted.
 */
@ApplicationScoped
public class AgreementSearch {

    /** Hits listed at most: agreements sit above page hits, a first screen rather than a list to page through. */
    public static final int LIMIT = 20;
    /** Marker characters already in stored text are dropped so they cannot fake a highlight. */
    private static final String UNMARKED = "translate(%s, chr(1) || chr(2), '')";
    private static final String HEADLINE = "ts_headline('english', " + UNMARKED + ", q.query, "
            + Highlights.MARKERS + " || ', %s')";

    /**
     * The quotes of agreement {@code a} that anyone may read: cited to a page that is not withheld
     * of a public document. The request join is a LEFT JOIN: the public rule decides documents
     * without a request too.
     */
    private static final String READABLE_QUOTES = """
            SELECT c.id, c.quote
              FROM agreement_clause c
              JOIN document d ON d.id = c.document_id
              LEFT JOIN records_request r ON r.id = d.request_id
             WHERE c.agreement_id = a.id AND c.quote IS NOT NULL AND %s
               AND NOT EXISTS (SELECT 1 FROM document_page wp WHERE wp.document_id = c.document_id
                                  AND wp.page_number = c.page_number AND wp.withheld)
            """.formatted(DocumentAccess.PUBLIC);

    /**
     * A published agreement that matched. {@code agency} is its "ST/slug" key, {@code signed} its
     * signed date when one is recorded, {@code excerpt} the first quote anyone may read that matches
     * the whole query, else the first that holds any of its words (a match can span title and
     * quotes), else the title.
     */
    @TemplateData
    public record Hit(long id, String title, Vocabulary.Kind kind, String agencyName, String agency,
            String agencyPath, PartialDate signed, List<Highlights.Fragment> excerpt) {

        public String link() {
            return "/agreements/" + id;
        }

        public String kindLabel() {
            return kind.label();
        }
    }

    private final EntityManager em;
    private final DocumentAccess documents;

    public AgreementSearch(EntityManager em, DocumentAccess documents) {
        this.em = em;
        this.documents = documents;
    }

    /**
     * Up to {@link #LIMIT} published agreements matching {@code text} (search-box syntax: words,
     * "a phrase", -excluded, or), best first.
     *
     * @param stateCode only agencies of this state; null for all
     * @param agencyId  only this agency's agreements; null for all
     */
    public List<Hit> find(String text, String stateCode, Long agencyId) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(AgreementAccess.PUBLIC).append(" AND v.vector @@ q.query");
        if (stateCode != null) {
            where.append(" AND g.state_code = :state");
            parameters.put("state", stateCode);
        }
        if (agencyId != null) {
            where.append(" AND g.id = :agency");
            parameters.put("agency", agencyId);
        }
        String sql = """
                WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('english', :q) AS query),
                hits AS (
                    SELECT a.id, ts_rank_cd(v.vector, q.query) AS rank
                      FROM agreement a
                      JOIN agency g ON g.id = a.agency_id
                      CROSS JOIN LATERAL (SELECT to_tsvector('english', a.title)
                              || to_tsvector('english', coalesce((SELECT string_agg(n.name, ' ')
                                     FROM jsonb_array_elements_text(a.program_names) AS n(name)), ''))
                              || to_tsvector('english', g.name)
                              || to_tsvector('english', coalesce((SELECT string_agg(rq.quote, ' ' ORDER BY rq.id)
                                     FROM (%1$s) rq), ''))
                              AS vector) v, q
                     WHERE %2$s
                     ORDER BY rank DESC, a.id DESC%5$s)
                SELECT a.id, a.title, a.kind, g.name AS agency_name, g.state_code, g.slug,
                       s.occurred_on, s.precision,
                       coalesce((SELECT x.headline
                                   FROM (SELECT rq.id, to_tsvector('english', rq.quote) @@ q.query AS whole,
                                                %3$s AS headline
                                           FROM (%1$s) rq) x
                                  WHERE strpos(x.headline, chr(1)) > 0
                                  ORDER BY x.whole DESC, x.id LIMIT 1),
                                %4$s) AS excerpt
                  FROM hits h
                  JOIN agreement a ON a.id = h.id
                  JOIN agency g ON g.id = a.agency_id
                  LEFT JOIN agreement_date s ON s.agreement_id = a.id AND s.kind = 'signed', q
                 ORDER BY h.rank DESC, h.id DESC
                """.formatted(READABLE_QUOTES, where,
                HEADLINE.formatted("rq.quote", "MaxFragments=1, MaxWords=30, MinWords=10"),
                HEADLINE.formatted("a.title", "HighlightAll=true"), SqlLimit.rows(LIMIT));
        Query query = em.createNativeQuery(sql, Tuple.class);
        query.setParameter("q", text.strip());
        parameters.forEach(query::setParameter);
        documents.bindPublic(query);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(AgreementSearch::hit).toList();
    }

    private static Hit hit(Tuple t) {
        String state = ((String) t.get("state_code")).trim();
        String slug = (String) t.get("slug");
        Object signedOn = t.get("occurred_on");
        PartialDate signed = signedOn == null ? null : new PartialDate(date(signedOn), (String) t.get("precision"));
        String kind = (String) t.get("kind");
        return new Hit(((Number) t.get("id")).longValue(), (String) t.get("title"),
                Vocabulary.fromCode(Vocabulary.Kind.class, kind).orElse(Vocabulary.Kind.OTHER),
                (String) t.get("agency_name"), state + "/" + slug,
                "/agencies/" + state.toLowerCase(Locale.ROOT) + "/" + slug, signed,
                Highlights.split((String) t.get("excerpt")));
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate local ? local : ((Date) value).toLocalDate();
    }

    /** Splits a headline at the marker characters the query asked ts_headline to put around matches. */
}
