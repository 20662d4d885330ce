package org.ringwatch.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.ringwatch.api.CsvCells;
import org.ringwatch.request.RequestEvent;
import org.ringwatch.request.RequestView;
import org.ringwatch.request.RequestViews;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One request as a ZIP, streamed: its published documents (the files the public gets, so an
 * archive passed on never carries a withheld page) and a manifest of its log as the viewer may
 * see it, in JSON and in CSV. Built from the same views as the request page, so it shows
 * nothing the page does not.
 */
@RequestScoped
public class RequestArchive {

    /** One document in the archive: where it lies inside, and the bytes it is. */
    public record Entry(long id, Long eventId, String name, String sha256, String path) {
    }

    /** The manifest's JSON: the request, its log, its documents. */
    public record Manifest(long id, String title, String agency, String state, String status, LocalDate filedOn,
            String records, String page, List<Map<String, Object>> log, List<Entry> documents) {
    }

    private static final String[] CSV_COLUMNS = {"event_id", "date", "direction", "channel", "status", "subject",
        "body", "exemption_cited", "documents"};

    private final RequestViews requests;
    private final DocumentAccess access;
    private final BlobStore blobs;
    private final ObjectMapper json;

    public RequestArchive(RequestViews requests, DocumentAccess access, BlobStore blobs, ObjectMapper json) {
        this.requests = requests;
        this.access = access;
        this.blobs = blobs;
        this.json = json;
    }

    /** The archive of request {@code id}; 404 (from {@link RequestViews#load}) when the viewer may not see it. */
    public Response respond(long id) {
        RequestView view = requests.load(id);
        List<Entry> documents = published(view);
        Manifest manifest = manifest(view, documents);
        StreamingOutput body = out -> write(out, manifest, documents);
        // What is in it follows the viewer (private log entries), so only a public request's anonymous copy is shared.
        String cache = view.canSeePrivate() ? "private, no-store" : "public, no-cache";
        return Response.ok(body, "application/zip").header("Cache-Control", cache)
                .header("Content-Disposition", "attachment; filename=\"request-" + id + ".zip\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /**
     * The request's public documents. A document that came with a log entry the viewer may not
     * see (a private one) is listed without it: its entry's id would say such an entry exists.
     */
    private List<Entry> published(RequestView view) {
        Set<Long> visibleEvents = view.events().stream().map(e -> e.id).collect(Collectors.toSet());
        List<Entry> entries = new ArrayList<>();
        for (Document document : Document.ofRequest(view.request())) {
            Long event = document.event == null || !visibleEvents.contains(document.event.id) ? null
                    : document.event.id;
            access.view(document).map(DocumentView::publicFile).filter(Objects::nonNull).ifPresent(file ->
                    entries.add(new Entry(document.id, event, document.originalName, file.sha256(),
                            "documents/" + document.id + "-" + FileNames.sanitise(document.originalName))));
        }
        return entries;
    }

    private static Manifest manifest(RequestView view, List<Entry> documents) {
        var r = view.request();
        List<Map<String, Object>> log = new ArrayList<>();
        for (RequestEvent e : view.events()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", e.id);
            entry.put("date", e.occurredOn);
            entry.put("direction", e.direction);
            entry.put("channel", e.channel);
            entry.put("status", e.statusTo);
            entry.put("subject", e.subject);
            entry.put("body", e.body);
            entry.put("exemption_cited", e.exemptionCited);
            entry.put("documents", documents.stream().filter(d -> e.id.equals(d.eventId())).map(Entry::id).toList());
            log.add(entry);
        }
        return new Manifest(r.id, r.title, r.agency.name, r.agency.stateCode, r.status, r.filedOn, r.recordsSought,
                "/requests/" + r.id, log, documents);
    }

    private void write(OutputStream out, Manifest manifest, List<Entry> documents) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("manifest.csv"));
            zip.write(csv(manifest));
            zip.closeEntry();
            for (Entry document : documents) {
                zip.putNextEntry(new ZipEntry(document.path()));
                try (InputStream in = blobs.open(document.sha256(), 0)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The log, one row per entry, UTF-8 with a header row, every text cell safe to open in a spreadsheet. */
    private static byte[] csv(Manifest manifest) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String column : CSV_COLUMNS) {
            schema.addColumn(column);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, Object> entry : manifest.log()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("event_id", String.valueOf(entry.get("id")));
            for (String column : List.of("date", "direction", "channel", "status", "subject", "body",
                    "exemption_cited")) {
                Object value = entry.get(column);
                row.put(column, value == null ? "" : CsvCells.safe(value.toString()));
            }
            row.put("documents", ((List<?>) entry.get("documents")).stream().map(String::valueOf)
                    .reduce((a, b) -> a + " " + b).orElse(""));
            rows.add(row);
        }
        return new CsvMapper().writer(schema.build()).writeValueAsBytes(rows);
    }
}
