package org.ringwatch.dump;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a dump's ZIPs from a snapshot: {@code datapackage.json} first (a reader learns what
 * follows before it comes), then {@code data/<table>.csv} per table. The tables' file and the
 * page texts' file have the same layout, each its own data package.
 */
final class DumpFiles {

    static final String MEDIA_TYPE = "application/zip";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DumpFiles() {
    }

    /** The public tables' ZIP; the rows written per table. */
    static Map<String, Long> tables(Connection snapshot, LocalDate day, Instant created, Path target)
            throws IOException, SQLException {
        return zip(snapshot, day, target, DataPackage.of("ringwatch", "RingWatch public data", day, created,
                PublicTables.ALL), PublicTables.ALL);
    }

    /** The published pages' texts; the rows written. */
    static Map<String, Long> pages(Connection snapshot, LocalDate day, Instant created, Path target)
            throws IOException, SQLException {
        List<DumpTable> pages = List.of(PublicTables.PAGES);
        return zip(snapshot, day, target, DataPackage.of("ringwatch-pages", "RingWatch page texts", day, created,
                pages), pages);
    }

    private static Map<String, Long> zip(Connection snapshot, LocalDate day, Path target, ObjectNode descriptor,
            List<DumpTable> tables) throws IOException, SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
             ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("datapackage.json"));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(descriptor));
            zip.closeEntry();
            for (DumpTable table : tables) {
                zip.putNextEntry(new ZipEntry(DataPackage.path(table)));
                rows.put(table.name(), TableWriter.write(snapshot, table, day, zip));
                zip.closeEntry();
            }
        }
        return rows;
    }
}
