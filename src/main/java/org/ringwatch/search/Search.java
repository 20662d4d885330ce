package org.ringwatch.search;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.Cursor;
import org.ringwatch.document.DocumentAccess;
import org.ringwatch.web.Highlights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full-text search over the text of published pages: one stored tsvector per page, and beside it
 * the same words without their positions, GIN-indexed. Queries read like a search box ("ring
 * agreement", "exact phrase", -word, or) plus prefixes (surveil*). The query is inlined in the
 * WHERE so the planner sees its real selectivity; ranking covers at most {@link #MAX_CANDIDATES}
 * pages; headlines only for the rows shown.
 */
@ApplicationScoped
public class Search {

    private static final Pattern ESTIMATED_ROWS = Pattern.compile(" rows=(\\d+) ");
    private static final Pattern PREFIX = Pattern.compile("(?<![\\w\"])(\\p{L}[\\p{L}\\p{N}]*)\\*");
    /**
     * Ranking and the phrase check decompress every candidate's full vector (positions and all;
     * kept in the row since V18, in TOAST before), which for a word on 800,000 pages, or a phrase
     * of two common words, took seconds (bench/search.sh). So candidates are found by their words
     * alone, in the narrow {@code search_lexemes} (positions stripped, kept in the row), and at
     * most this many are read in full: every page holding the words when they are rare; for
     * common ones the first this many found, which are then ranked, and of which a phrase keeps
     * those where its words stand in order. A further word or a filter narrows the search anyway.
     */
    static final int MAX_CANDIDATES = 2000;
    /**
     * Up to this many documents to search, the planner may look for the words document by document
     * (one index probe each, the right plan for a request's or an agency's few documents); beyond,
     * the words are looked up once and the pages found are kept if their document is in the set.
     * The planner cannot tell the two cases apart itself: it reckons half the documents fail the
     * "no withheld page" test of DocumentAccess.PUBLIC whatever the data, so with 401 public
     * documents it expected 67 and probed the index 401 times (bench/search.sh: a rare word
     * 235 ms instead of 50).
     */
    static final int PROBE_PER_DOCUMENT_UP_TO = 32;
    /**
     * Words the statistics put on more than this share of the pages are looked for by reading pages
     * in order until {@link #MAX_CANDIDATES} hold them (at most 40,000 pages read at this share):
     * the index would first build the list of every page holding them, and the planner prices
     * that far below its cost (bench/search.sh: three common words, 116 ms in the index for
     * 99,396 pages, against 43 ms for the whole statement reading in order).
     */
    static final double READ_IN_ORDER_ABOVE_SHARE = 0.05;

    /** How the pages with the words are found and matched with the documents anyone may see. */
    enum Plan {
        /** The planner's choice, which with few documents is one index probe per document. */
        PROBE_PER_DOCUMENT("p.document_id", true),
        /**
         * The words looked up once and each page kept if its document is visible: {@code + 0} is an
         * expression no index holds, so the planner cannot probe per document.
         */
        LOOK_UP_WORDS_ONCE("p.document_id + 0", true),
        /** As {@link #LOOK_UP_WORDS_ONCE}, but pages read in order, without the index, for common words. */
        READ_PAGES_IN_ORDER("p.document_id + 0", false);

        /** The page side of the join with the visible documents. */
        final String pageSide;
        /** Whether the planner may use bitmap scans, which is how it uses the index of words. */
        final boolean bitmapScans;

        Plan(String pageSide, boolean bitmapScans) {
            this.pageSide = pageSide;
            this.bitmapScans = bitmapScans;
        }

        /**
         * @param documents how many documents the search covers
         * @param share     the share of all pages that the statistics expect to hold the words
         */
        static Plan choose(long documents, double share) {
            if (documents <= PROBE_PER_DOCUMENT_UP_TO) {
                return PROBE_PER_DOCUMENT;
            }
            return share > READ_IN_ORDER_ABOVE_SHARE ? READ_PAGES_IN_ORDER : LOOK_UP_WORDS_ONCE;
        }
    }

    /**
     * @param request   null for a document obtained elsewhere, which names its {@code publisher} instead
     * @param publisher null for a request's document
     */
    @TemplateData
    public record Hit(long document, int page, String documentName, Long request, String requestTitle,
            String publisher, String agencyName, String state, String agencySlug, double rank,
            List<Highlights.Fragment> headline) {

        public String link() {
            return "/documents/" + document + "#page-" + page;
        }
    }

    /** The filters a search may carry; null means no filter. */
    public record Filters(String state, Long agencyId, Long requestId, LocalDate from, LocalDate to) {
    }

    private final EntityManager em;
    private final DocumentAccess access;

    public Search(EntityManager em, DocumentAccess access) {
        this.em = em;
        this.access = access;
    }

    /** A hit with its place in the ranking, from 1; the API's cursor is the place of the last hit served. */
    public record Ranked(int place, Hit hit) {
    }

    /**
     * Up to {@code limit} hits after {@code cursor} (null: from the first), for the API's pages and
     * streams. Ranked results have no key to resume after, so the cursor carries a place.
     */
    public List<Ranked> ranked(String text, Filters filters, String cursor, int limit) {
        int offset = offset(cursor);
        // find reads one more than asked, to tell its callers whether more exist.
        List<Hit> hits = find(text, filters, offset, limit - 1);
        List<Ranked> ranked = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            ranked.add(new Ranked(offset + i + 1, hits.get(i)));
        }
        return ranked;
    }

    /** The cursor after {@code hit}. */
    public static String cursorOf(Ranked hit) {
        return Cursor.encode(String.valueOf(hit.place()));
    }

    /** How many hits {@code cursor} skips: 0 for none; a 400 naming it for one we did not issue. */
    public static int offset(String cursor) {
        if (cursor == null) {
            return 0;
        }
        int offset;
        try {
            offset = Integer.parseInt(Cursor.decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            offset = -1;
        }
        // A cursor is opaque but not signed: one decoded to a negative or foreign offset is refused here.
        if (offset < 0) {
            throw ApiProblem.badParameter("cursor", "cursor is not one this API issued");
        }
        return offset;
    }

    /**
     * @param offset how many ranked results to skip (the API's cursor carries it)
     * @param limit  results wanted; one more is read to know whether more exist
     */
    @Transactional
    public List<Hit> find(String text, Filters filters, int offset, int limit) {
        Statement statement = Statement.of(text, filters);
        if (statement == null) {
            return List.of();
        }
        return run(statement, offset, limit, choosePlan(statement));
    }

    /** {@link #find(String, Filters, int, int)} with the plan chosen by the caller (tests take each). */
    @Transactional
    List<Hit> find(String text, Filters filters, int offset, int limit, Plan plan) {
        Statement statement = Statement.of(text, filters);
        return statement == null ? List.of() : run(statement, offset, limit, plan);
    }

    /**
     * A search's parts: its tsquery, the condition on a page, and the documents it covers, each with
     * its bound parameters.
     */
    private record Statement(String tsquery, String pages, Map<String, Object> parameters, String visible,
            Map<String, Object> filterParameters) {

        /** Null when the text has nothing to search for. */
        static Statement of(String text, Filters filters) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            String tsquery = Search.tsquery(text, parameters);
            if (tsquery == null) {
                return null;
            }
            String words = words(tsquery);
            // The index finds the pages with the words; without any word to look for (only -word), every page is read.
            String pages = "(p.search_lexemes @@ " + words + " OR (" + words + " IS NULL AND p.search_vector @@ ("
                    + tsquery + "))) AND NOT p.withheld";
            Map<String, Object> filterParameters = new LinkedHashMap<>();
            String visible = Search.visible(filters, filterParameters);
            return new Statement(tsquery, pages, parameters, visible, filterParameters);
        }
    }

    private List<Hit> run(Statement statement, int offset, int limit, Plan plan) {
        String tsquery = statement.tsquery();
        // q.phrase: only a query with a phrase operator (<-> or <N>) needs the candidates' full
        // vectors checked; for the others the words are the whole condition, and ranking reads them anyway.
        String sql = """
                WITH q AS MATERIALIZED (SELECT query, query::text ~ '<(-|[0-9]+)>' AS phrase FROM (SELECT %s AS query) s),
                visible AS MATERIALIZED (%s),
                candidates AS (
                    SELECT p.document_id, p.page_number, p.search_vector
                      FROM document_page p
                      JOIN visible v ON v.id = %s
                     WHERE %s
                     LIMIT :candidates),
                hits AS (
                    SELECT c.document_id, c.page_number, ts_rank_cd(c.search_vector, q.query) AS rank
                      FROM candidates c, q
                     WHERE NOT q.phrase OR c.search_vector @@ q.query
                     ORDER BY rank DESC, c.document_id DESC, c.page_number
                     OFFSET :offset LIMIT :limit)
                SELECT h.document_id, h.page_number, h.rank, d.original_name, r.id AS request_id, r.title,
                       d.source_publisher, a.name AS agency_name, a.state_code, a.slug,
                       ts_headline('english', p.text_content, q.query,
                                   %s || ', MaxFragments=2, MaxWords=30, MinWords=10')
                       AS headline
                  FROM hits h
                  JOIN document_page p ON p.document_id = h.document_id AND p.page_number = h.page_number
                  JOIN document d ON d.id = h.document_id
                  LEFT JOIN records_request r ON r.id = d.request_id
                  JOIN agency a ON a.id = d.agency_id, q
                 ORDER BY h.rank DESC, h.document_id DESC, h.page_number
                """.formatted(tsquery, statement.visible(), plan.pageSide, statement.pages(), Highlights.MARKERS);
        Map<String, Object> parameters = new LinkedHashMap<>(statement.parameters());
        parameters.putAll(statement.filterParameters());
        parameters.put("candidates", MAX_CANDIDATES);
        parameters.put("offset", offset);
        parameters.put("limit", limit + 1);
        // A generic plan ignores how common the words are (bench/search.sh: 5x slower for a common
        // word), so this statement is planned with its real words; and the plan chosen above may
        // keep the planner off the index. "The first candidates found" must be the same pages on
        // every request, or paging by offset repeats and skips hits: a scan in order starts at the
        // table's first page, not wherever another scan of it has got to. All three settings last
        // for this transaction only.
        em.createNativeQuery("SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
                + " set_config('enable_bitmapscan', :bitmaps, true), set_config('synchronize_seqscans', 'off', true)")
                .setParameter("bitmaps", plan.bitmapScans ? "on" : "off").getResultList();
        Query query = em.createNativeQuery(sql, Tuple.class);
        parameters.forEach(query::setParameter);
        access.bindPublic(query);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(t -> new Hit(((Number) t.get("document_id")).longValue(),
                ((Number) t.get("page_number")).intValue(), (String) t.get("original_name"),
                t.get("request_id") == null ? null : ((Number) t.get("request_id")).longValue(),
                (String) t.get("title"), (String) t.get("source_publisher"), (String) t.get("agency_name"),
                ((String) t.get("state_code")).trim(), (String) t.get("slug"), ((Number) t.get("rank")).doubleValue(),
                Highlights.split((String) t.get("headline")))).toList();
    }

    /** The ids of the documents anyone may see, within the filters; their parameters go into {@code parameters}. */
    private static String visible(Filters filters, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(DocumentAccess.PUBLIC);
        if (filters.state() != null) {
            where.append(" AND a.state_code = :state");
            parameters.put("state", filters.state());
        }
        if (filters.agencyId() != null) {
            where.append(" AND a.id = :agency");
            parameters.put("agency", filters.agencyId());
        }
        if (filters.requestId() != null) {
            where.append(" AND r.id = :request");
            parameters.put("request", filters.requestId());
        }
        if (filters.from() != null) {
            where.append(" AND d.created_at >= CAST(:from AS date)");
            parameters.put("from", filters.from());
        }
        if (filters.to() != null) {
            where.append(" AND d.created_at < CAST(:to AS date) + 1");
            parameters.put("to", filters.to());
        }
        return "SELECT d.id FROM document d LEFT JOIN records_request r ON r.id = d.request_id"
                + " JOIN agency a ON a.id = d.agency_id WHERE " + where;
    }

    /**
     * The plan for the statement, from how many documents it covers and how common the statistics
     * say its words are: two cheap look-ups that only steer, so they may differ a little from what
     * the search itself then sees.
     */
    private Plan choosePlan(Statement statement) {
        Query documents = em.createNativeQuery("SELECT count(*), (SELECT reltuples FROM pg_class"
                + " WHERE oid = 'document_page'::regclass) FROM (" + statement.visible() + ") v");
        statement.filterParameters().forEach(documents::setParameter);
        access.bindPublic(documents);
        Object[] counts = (Object[]) documents.getSingleResult();
        long visible = ((Number) counts[0]).longValue();
        double pages = ((Number) counts[1]).doubleValue();
        if (visible <= PROBE_PER_DOCUMENT_UP_TO || pages <= 0) {   // reltuples is -1 before the first ANALYZE
            return Plan.choose(visible, 0);
        }
        return Plan.choose(visible, expectedPages(statement) / pages);
    }

    /** How many pages the statistics expect to hold the words of {@code text}; for tests. */
    @Transactional
    long expectedPages(String text) {
        Statement statement = Statement.of(text, new Filters(null, null, null, null, null));
        return statement == null ? 0 : expectedPages(statement);
    }

    private long expectedPages(Statement statement) {
        // EXPLAIN's first line is the scan of document_page, with the rows the statistics expect.
        Query estimate = em.createNativeQuery("EXPLAIN SELECT 1 FROM document_page p WHERE " + statement.pages());
        statement.parameters().forEach(estimate::setParameter);
        Matcher rows = ESTIMATED_ROWS.matcher(String.valueOf(estimate.getResultList().get(0)));
        return rows.find() ? Long.parseLong(rows.group(1)) : 0;
    }

    /**
     * The tsquery of the words that {@code tsquery} needs on a page, whatever their order, or NULL when it
     * needs none: a superset of its pages that search_lexemes can answer. A phrase cannot be checked
     * there (PostgreSQL finds no phrase in a vector without positions), so its operators become AND
     * ({@code <->} and {@code <N>} bind tighter than AND, and the text form puts parentheses wherever
     * that matters); querytree drops what is negated, because "not this phrase" is no condition on
     * the words alone. Lexemes never hold '<' (the parser splits there, and prefixes are letters).
     */
    static String words(String tsquery) {
        return "CAST(nullif(regexp_replace(querytree(" + tsquery + "), '<(-|[0-9]+)>', '&', 'g'), 'T') AS tsquery)";
    }

    /**
     * The tsquery expression for the text, with its parts as bound parameters: websearch syntax
     * for words and phrases, and {@code word:*} for each {@code word*}. Null when nothing is searchable.
     */
    static String tsquery(String text, Map<String, Object> parameters) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        Matcher prefixes = PREFIX.matcher(text);
        int n = 0;
        while (prefixes.find() && n < 5) {
            String name = "prefix" + n++;
            parameters.put(name, prefixes.group(1).toLowerCase(Locale.ROOT) + ":*");
            parts.add("to_tsquery('simple', :" + name + ")");
        }
        String rest = PREFIX.matcher(text).replaceAll(" ").strip();
        if (!rest.isEmpty()) {
            parameters.put("words", rest);
            parts.add("websearch_to_tsquery('english', :words)");
        }
        return parts.isEmpty() ? null : String.join(" && ", parts);
    }
}
