package org.ringwatch.document;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.ringwatch.agency.Agency;
import org.ringwatch.api.ApiProblem;
import org.ringwatch.api.QueryDates;
import org.ringwatch.api.Cursor;
import org.ringwatch.api.Change;
import org.ringwatch.api.SyncPosition;
import org.ringwatch.platform.SqlLimit;
import org.ringwatch.request.RequestAccess;
import org.ringwatch.platform.JdbcReads;
import org.ringwatch.platform.Today;
import org.ringwatch.state.State;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public documents as the API lists them: only what {@link DocumentAccess#PUBLIC} lets
 * anyone see, with the file anyone gets (the copy without withheld pages where there is one),
 * filtered and in keyset order, one query per page.
 */
@RequestScoped
public class DocumentList {

    /** A listed document. {@code sha256} and {@code size} are those of the file the public gets. */
    public record Item(long id, Long request, String agency, String agencyName, String state, String name,
            String type, Integer pageCount, String sha256, long size, OffsetDateTime publishedAt, String page,
            String file) {
    }

    /** The order of a list: by id (oldest first, the default) or newest published first. */
    public enum Sort {
        ID, PUBLISHED;

        static Sort of(String raw) {
            if (raw == null || raw.isBlank()) {
                return ID;
            }
            return switch (raw.strip()) {
                case "id" -> ID;
                case "-published_at" -> PUBLISHED;
                default -> throw ApiProblem.badParameter("sort", "sort must be id or -published_at; got '" + raw + "'");
            };
        }
    }

    /** The filters, parsed and checked: a bad one is a 400 naming its parameter. */
    public record Filters(String state, Long agency, Long request, String type, LocalDate publishedFrom,
            LocalDate publishedTo, Sort sort) {

        public static Filters of(String state, String agency, String request, String type, String publishedFrom,
                String publishedTo, String sort) {
            String stateCode = State.parameter(state);
            Long agencyId = Agency.parameter(agency);
            Long requestId = null;
            if (!blank(request)) {
                try {
                    requestId = Long.parseLong(request.strip());
                } catch (NumberFormatException e) {
                    throw ApiProblem.badParameter("request", "request must be a request's id; got '" + request + "'");
                }
            }
            String fileType = null;
            if (!blank(type)) {
                fileType = Arrays.stream(FileType.values()).map(FileType::code)
                        .filter(code -> code.equals(type.strip().toLowerCase(Locale.ROOT))).findFirst()
                        .orElseThrow(() -> ApiProblem.badParameter("type", "type must be one of "
                                + Arrays.stream(FileType.values()).map(FileType::code)
                                .collect(Collectors.joining(", ")) + "; got '" + type + "'"));
            }
            LocalDate from = QueryDates.parse("published_from", publishedFrom);
            LocalDate to = QueryDates.parse("published_to", publishedTo);
            if (from != null && to != null && to.isBefore(from)) {
                throw ApiProblem.badParameter("published_to", "published_to is before published_from");
            }
            return new Filters(stateCode, agencyId, requestId, fileType, from, to, Sort.of(sort));
        }

        private static boolean blank(String raw) {
            return raw == null || raw.isBlank();
        }
    }

    /** What a listed document shows, documents aliased d, agencies a, the public file f and its blob b. */
    private static final String COLUMNS = """
            d.id, d.request_id, a.state_code, a.slug, a.name AS agency_name, d.original_name, d.file_type,
            d.page_count, f.sha256, b.size_bytes, d.published_at""";

    /**
     * The SHA-256 of the file the public gets of a public document (aliased d): the copy without
     * withheld pages where there is one, else the original. For the lists here and the dumps.
     */
    public static final String PUBLIC_FILE = """
            CASE WHEN EXISTS (SELECT 1 FROM document_page w WHERE w.document_id = d.id AND w.withheld)
                 THEN d.public_blob_sha256 ELSE d.blob_sha256 END""";

    /** The file the public gets (f): the copy without withheld pages where there is one. */
    private static final String FROM = """
             FROM document d
             JOIN agency a ON a.id = d.agency_id
             LEFT JOIN records_request r ON r.id = d.request_id
            CROSS JOIN LATERAL (SELECT\s""" + PUBLIC_FILE + " AS sha256) f\n";

    private final EntityManager em;
    private final DocumentAccess access;
    private final JdbcReads jdbc;

    public DocumentList(EntityManager em, DocumentAccess access, JdbcReads jdbc) {
        this.em = em;
        this.access = access;
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} documents after {@code cursor} (null: from the start). */
    public List<Item> page(Filters filters, String cursor, int limit) {
        boolean newest = filters.sort() == Sort.PUBLISHED;
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(FROM)
                .append(" JOIN blob b ON b.sha256 = f.sha256 WHERE ").append(DocumentAccess.PUBLIC);
        where(sql, filters);
        List<String> after = cursor == null ? null : Cursor.decode(cursor, newest ? 2 : 1);
        if (after != null) {
            sql.append(newest ? " AND (d.published_at, d.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS bigint))"
                    : " AND d.id > CAST(:afterId AS bigint)");
        }
        sql.append(newest ? " ORDER BY d.published_at DESC, d.id DESC" : " ORDER BY d.id").append(SqlLimit.rows(limit));
        Map<String, Object> parameters = new HashMap<>(access.publicParameters());
        parameters.putAll(parameters(filters));
        if (after != null) {
            if (newest) {
                parameters.put("afterAt", after.get(0));
            }
            parameters.put("afterId", after.get(after.size() - 1));
        }
        // Plain JDBC: the API's document list is among its busiest reads (JdbcReads says why).
        return jdbc.list(sql.toString(), parameters, row -> item(JdbcReads.byName(row)));
    }

    private static void where(StringBuilder sql, Filters filters) {
        if (filters.state() != null) {
            sql.append(" AND a.state_code = :state");
        }
        if (filters.agency() != null) {
            sql.append(" AND d.agency_id = :agency");
        }
        if (filters.request() != null) {
            sql.append(" AND d.request_id = :request");
        }
        if (filters.type() != null) {
            sql.append(" AND d.file_type = :type");
        }
        if (filters.publishedFrom() != null) {
            sql.append(" AND d.published_at >= :from");
        }
        if (filters.publishedTo() != null) {
            sql.append(" AND d.published_at < :to");
        }
    }

    private static void bind(Query query, Filters filters) {
        parameters(filters).forEach(query::setParameter);
    }

    /** The values of the filters {@link #where} adds, by name. */
    private static Map<String, Object> parameters(Filters filters) {
        Map<String, Object> parameters = new HashMap<>();
        if (filters.state() != null) {
            parameters.put("state", filters.state());
        }
        if (filters.agency() != null) {
            parameters.put("agency", filters.agency());
        }
        if (filters.request() != null) {
            parameters.put("request", filters.request());
        }
        if (filters.type() != null) {
            parameters.put("type", filters.type());
        }
        if (filters.publishedFrom() != null) {
            parameters.put("from", filters.publishedFrom().atStartOfDay(Today.ZONE).toOffsetDateTime());
        }
        if (filters.publishedTo() != null) {
            parameters.put("to", filters.publishedTo().plusDays(1).atStartOfDay(Today.ZONE).toOffsetDateTime());
        }
        return parameters;
    }

    /**
     * Up to {@code limit} changes of a sync after {@code cursor} (null: from the start): every
     * document that was ever published whose public side changed since the mark, as it is now —
     * an item when the public may see it, a tombstone when not. A document never published is
     * neither: the public never saw it. An embargo that ran out since the mark's day counts as a
     * change. There is no upper bound: a change committed after the mark was read is sent now and again
     * in the next poll (its transaction is at or above the mark handed back), never held back
     * behind a transaction that is still running.
     */
    public List<Change<Item>> changes(Filters filters, SyncPosition sync, int limit) {
        SyncPosition.requireIdOrder(filters.sort() == Sort.ID);
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(", (").append(DocumentAccess.PUBLIC)
                .append(") AS is_public, GREATEST(d.changed_at, ").append(RequestAccess.EMBARGO_ENDED_AT)
                .append(") AS updated_at").append(FROM).append("""
                 LEFT JOIN blob b ON b.sha256 = f.sha256
                 WHERE d.published_at IS NOT NULL
                   AND (%s OR %s)
                """.formatted(sync.since().since("d.changed_xid", "d.changed_at"), RequestAccess.EMBARGO_ENDED));
        where(sql, filters);
        sql.append(" AND d.id > :afterId ORDER BY d.id").append(SqlLimit.rows(limit));
        Query query = em.createNativeQuery(sql.toString(), Tuple.class);
        access.bindPublic(query);
        bind(query, filters);
        RequestAccess.bindSync(query, sync);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(t -> {
            long id = ((Number) t.get("id")).longValue();
            OffsetDateTime updatedAt = Change.timestamp(t.get("updated_at"));
            return Boolean.TRUE.equals(t.get("is_public")) ? Change.live(id, item(t::get), updatedAt)
                    : Change.<Item>tombstone(id, updatedAt);
        }).toList();
    }

    /** The cursor of a listed document in {@code sort}'s order. */
    public static String cursorOf(Item item, Sort sort) {
        String id = String.valueOf(item.id());
        return sort == Sort.PUBLISHED ? Cursor.encode(item.publishedAt().toString(), id) : Cursor.encode(id);
    }

    /** A listed document from its columns by name (a Tuple's or a JDBC row's). */
    private static Item item(Function<String, Object> t) {
        long id = ((Number) t.apply("id")).longValue();
        String state = ((String) t.apply("state_code")).strip();
        OffsetDateTime publishedAt = Change.timestamp(t.apply("published_at"));
        Object request = t.apply("request_id");
        Object pages = t.apply("page_count");
        return new Item(id, request == null ? null : ((Number) request).longValue(),
                state + "/" + t.apply("slug"), (String) t.apply("agency_name"), state, (String) t.apply("original_name"),
                (String) t.apply("file_type"), pages == null ? null : ((Number) pages).intValue(),
                ((String) t.apply("sha256")).strip(), ((Number) t.apply("size_bytes")).longValue(), publishedAt,
                "/documents/" + id, "/api/v1/documents/" + id + "/file");
    }

}
