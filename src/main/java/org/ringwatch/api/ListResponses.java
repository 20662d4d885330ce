package org.ringwatch.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.ringwatch.platform.RingWatchConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Answers a list of the API in the format asked for ({@link ListFormat}): a page with its
 * "next" cursor, or with {@code all=true} the whole filtered set in one response, streamed in
 * chunks of {@code ringwatch.list-chunk} rows read with the same keyset query as the pages, so
 * memory stays bounded however long the list and no transaction is held open across the download.
 */
public final class ListResponses {

    /** The rows after {@code cursor} (null: from the start), at most {@code limit} of them. */
    @FunctionalInterface
    public interface Source<R> {
        List<R> page(String cursor, int limit);
    }

    /** A sync's changes: up to {@code limit} after {@code position}. */
    @FunctionalInterface
    public interface Changes<X> {
        List<Change<X>> read(SyncPosition position, int limit);
    }

    /**
     * What a list serves: its rows, how each becomes an item, the item's JSON record (whose
     * components are the CSV's columns), each row's cursor, and whether the items are a sync's
     * {@link Change}s of that record (the CSV then adds updated_at and deleted).
     */
    public record Shape<R, T>(Source<R> source, Function<R, T> item, Class<? extends Record> itemType,
            Function<R, String> cursorOf, boolean changes) {

        public Shape(Source<R> source, Function<R, T> item, Class<? extends Record> itemType,
                Function<R, String> cursorOf) {
            this(source, item, itemType, cursorOf, false);
        }

        /**
         * A sync's changes from {@code position}, read by {@code changes} (a position and how
         * many), each live one's row made into {@code itemType} by {@code item}.
         */
        public static <X> Shape<Change<X>, Change<?>> changes(SyncPosition position, Changes<X> changes,
                Function<X, ? extends Record> item, Class<? extends Record> itemType) {
            return new Shape<>((after, size) -> changes.read(position.at(after), size), change -> change.map(item),
                    itemType, change -> position.cursorOf(change.id()), true);
        }

        CsvRows csv(ObjectMapper json) {
            return changes ? CsvRows.ofChanges(itemType, json) : CsvRows.of(itemType, json);
        }
    }

    /** How the client asked: the format, all or a page, from where, how many. */
    public record Ask(ListFormat format, boolean all, String cursor, int limit) {

        /** Parses {@code all}: absent or "false" is a page, "true" everything; anything else a 400. */
        public static Ask of(ListFormat format, String all, String cursor, String limit) {
            boolean everything = false;
            if (all != null && !all.isBlank()) {
                switch (all.strip()) {
                    case "true" -> everything = true;
                    case "false" -> everything = false;
                    default -> throw ApiProblem.badParameter("all", "all must be true or false; got '" + all + "'");
                }
            }
            return new Ask(format, everything, cursor == null || cursor.isBlank() ? null : cursor.strip(),
                    Paging.limit(limit));
        }
    }

    private ListResponses() {
    }

    /**
     * A sync's page ({@link Shape#changes}): as {@link #respond}, and the last page (or the whole
     * list with all=true) also carries the next poll's mark in {@code Link: <…>; rel="sync"} —
     * only the last: a client that took it from the first page would skip what the later pages hold.
     */
    public static <R, T> Response respondChanges(Ask ask, Shape<R, T> shape, SyncPosition position, UriInfo uri,
            RingWatchConfig config, ObjectMapper json) {
        Response changes = respond(ask, shape, uri, config, json);
        boolean last = ask.all() || changes.getHeaderString("Link") == null;
        return last ? Response.fromResponse(changes).header("Link", position.mark().link(uri, config)).build() : changes;
    }

    public static <R, T> Response respond(Ask ask, Shape<R, T> shape, UriInfo uri,
            RingWatchConfig config, ObjectMapper json) {
        if (ask.all()) {
            StreamingOutput body = out -> stream(ask, shape, json, out, config.listChunk());
            return Response.ok(body, ask.format().mediaType).build();
        }
        List<R> rows = shape.source().page(ask.cursor(), ask.limit() + 1);
        if (ask.format() == ListFormat.JSON) {
            return Paging.respond(rows, ask.limit(), shape.item(), shape.cursorOf(), uri, config);
        }
        boolean more = rows.size() > ask.limit();
        List<R> served = more ? rows.subList(0, ask.limit()) : rows;
        StreamingOutput body = out -> {
            try (Writer<T> writer = writer(ask.format(), shape.csv(json), json, out)) {
                for (R row : served) {
                    writer.write(shape.item().apply(row));
                }
            }
        };
        Response.ResponseBuilder response = Response.ok(body, ask.format().mediaType);
        if (more) {
            response.header("Link", "<" + Paging.next(uri, shape.cursorOf().apply(served.get(served.size() - 1)),
                    config) + ">; rel=\"next\"");
        }
        return response.build();
    }

    /**
     * The whole list, {@code chunk} rows (one keyset query) at a time. A chunk's query is planned
     * (10-20 ms for the document list before PostgreSQL keeps a generic plan), and a small LIMIT
     * (written into the statement, SqlLimit) makes the plan an index lookup per row where a large
     * one hash-joins: at 1,000 rows a chunk, the 501 chunks of bench/csv-export.sh alone ran at
     * 0.32 of one COPY. The default (10,000, RingWatchConfig#listChunk) keeps a chunk of document
     * items and its JDBC rows to a few MB.
     * <p>
     * One size for every list, the entity lists (requests, agreements) too: without a transaction
     * their entities live in the request's persistence context, which is not ours to clear and
     * keeps every entity read until the request ends whatever the chunk size, so a smaller chunk
     * there would cost queries without bounding memory. Their views are built one row at a time,
     * as it is written, and not kept.
     */
    private static <R, T> void stream(Ask ask, Shape<R, T> shape, ObjectMapper json, OutputStream out, int chunk)
            throws IOException {
        try (Writer<T> writer = writer(ask.format(), shape.csv(json), json, out)) {
            String cursor = ask.cursor();
            while (true) {
                List<R> rows = shape.source().page(cursor, chunk);
                for (R row : rows) {
                    writer.write(shape.item().apply(row));
                }
                if (rows.size() < chunk) {
                    return;
                }
                cursor = shape.cursorOf().apply(rows.get(rows.size() - 1));
            }
        }
    }

    /** Writes items one by one, in one format. */
    private interface Writer<T> extends AutoCloseable {
        void write(T item) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static <T> Writer<T> writer(ListFormat format, CsvRows csv, ObjectMapper json, OutputStream out)
            throws IOException {
        return switch (format) {
            case JSON -> jsonWriter(json, out);
            case NDJSON -> new Writer<>() {
                @Override
                public void write(T item) throws IOException {
                    out.write(json.writeValueAsBytes(item));
                    out.write('\n');
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            };
            case CSV -> csvWriter(csv, out);
        };
    }

    /** {"items": [...], "next": null}, one item at a time. */
    private static <T> Writer<T> jsonWriter(ObjectMapper json, OutputStream out) throws IOException {
        JsonGenerator generator = json.getFactory().createGenerator(out);
        generator.writeStartObject();
        generator.writeArrayFieldStart("items");
        return new Writer<>() {
            @Override
            public void write(T item) throws IOException {
                json.writeValue(generator, item);
            }

            @Override
            public void close() throws IOException {
                generator.writeEndArray();
                generator.writeNullField("next");
                generator.writeEndObject();
                generator.close();
            }
        };
    }

    private static <T> Writer<T> csvWriter(CsvRows rows, OutputStream out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false);
        rows.columns().forEach(schema::addColumn);
        SequenceWriter sequence = new CsvMapper().writer(schema.build())
                .writeValues(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        // Written as a row of its own, so an empty list still says what its columns are.
        sequence.write(rows.columns());
        return new Writer<>() {
            @Override
            public void write(T item) throws IOException {
                sequence.write(rows.row(item));
            }

            @Override
            public void close() throws IOException {
                sequence.close();
            }
        };
    }
}
