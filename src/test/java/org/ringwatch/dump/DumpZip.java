package org.ringwatch.dump;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A downloaded dump, read back the way a journalist's tools would: its entries, its
 * {@code datapackage.json}, and each CSV checked against the Table Schema the package declares
 * (types, required, unique, primary and foreign keys). Written for the test from the Table Schema
 * specification, independent of the code that wrote the dump.
 */
final class DumpZip {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    final Map<String, byte[]> entries = new LinkedHashMap<>();
    final JsonNode descriptor;

    DumpZip(byte[] zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        descriptor = JSON.readTree(entries.get("datapackage.json"));
    }

    /** Every entry's bytes as text, for looking for what must never be in a dump. */
    String everything() {
        StringBuilder all = new StringBuilder();
        entries.values().forEach(bytes -> all.append(new String(bytes, StandardCharsets.UTF_8)).append('\n'));
        return all.toString();
    }

    /** The rows of a resource, each a map of column to cell (empty cells as null). */
    List<Map<String, String>> rows(String resource) throws IOException {
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = csv.readerFor(String[].class)
                .readValues(entries.get("data/" + resource + ".csv"))) {
            String[] header = it.next();
            while (it.hasNext()) {
                String[] cells = it.next();
                assertEquals(header.length, cells.length, resource + ": a row with the wrong number of cells");
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i].isEmpty() ? null : cells[i]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Validates datapackage.json against the vendored profiles; the failures, none when valid. */
    List<String> profileErrors(String profile) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        try (InputStream in = DumpZip.class.getResourceAsStream("/datapackage-profiles/" + profile + ".json")) {
            Schema schema = registry.getSchema(in);
            return schema.validate(descriptor).stream().map(Error::toString).toList();
        }
    }

    /** Checks every resource's rows against its schema: the header, each cell's type, required, unique, keys. */
    void checkRowsAgainstSchemas() throws IOException {
        Map<String, Set<List<String>>> keys = new HashMap<>();
        for (JsonNode resource : descriptor.get("resources")) {
            String name = resource.get("name").asText();
            assertTrue(entries.containsKey(resource.get("path").asText()), "no file for " + name);
            JsonNode schema = resource.get("schema");
            List<String> fields = new ArrayList<>();
            schema.get("fields").forEach(f -> fields.add(f.get("name").asText()));
            List<Map<String, String>> rows = rows(name);
            if (!rows.isEmpty()) {
                assertEquals(fields, new ArrayList<>(rows.get(0).keySet()), name + ": header differs from the schema");
            }
            for (JsonNode field : schema.get("fields")) {
                String column = field.get("name").asText();
                boolean required = field.path("constraints").path("required").asBoolean(false);
                boolean unique = field.path("constraints").path("unique").asBoolean(false);
                Set<String> seen = new HashSet<>();
                for (Map<String, String> row : rows) {
                    String cell = row.get(column);
                    if (cell == null) {
                        assertTrue(!required, name + "." + column + " is required but empty in " + row);
                        continue;
                    }
                    checkType(name + "." + column, field.get("type").asText(), cell);
                    if (unique) {
                        assertTrue(seen.add(cell), name + "." + column + " repeats " + cell);
                    }
                }
            }
            Set<List<String>> primary = new HashSet<>();
            List<String> key = new ArrayList<>();
            schema.get("primaryKey").forEach(k -> key.add(k.asText()));
            for (Map<String, String> row : rows) {
                List<String> value = key.stream().map(row::get).toList();
                assertTrue(primary.add(value), name + ": primary key " + value + " repeats");
            }
            keys.put(name, primary);
        }
        for (JsonNode resource : descriptor.get("resources")) {
            String name = resource.get("name").asText();
            for (JsonNode fk : resource.get("schema").path("foreignKeys")) {
                String field = fk.get("fields").asText();
                String target = fk.get("reference").get("resource").asText();
                Set<List<String>> targetKeys = keys.get(target);
                assertTrue(targetKeys != null, name + " references a resource not in the package: " + target);
                for (Map<String, String> row : rows(name)) {
                    String value = row.get(field);
                    if (value != null && !targetKeys.contains(List.of(value))) {
                        fail(name + "." + field + " = " + value + " is not in " + target);
                    }
                }
            }
        }
    }

    private static void checkType(String where, String type, String cell) {
        try {
            switch (type) {
                case "integer" -> Long.parseLong(cell);
                case "number" -> new BigDecimal(cell);
                case "boolean" -> assertTrue(cell.equals("true") || cell.equals("false"), where + ": " + cell);
                case "date" -> LocalDate.parse(cell);
                case "datetime" -> DATETIME.parse(cell);
                case "object" -> assertTrue(JSON.readTree(cell).isObject(), where + ": " + cell);
                case "array" -> assertTrue(JSON.readTree(cell).isArray(), where + ": " + cell);
                case "string" -> { }
                default -> fail(where + ": unknown type " + type);
            }
        } catch (RuntimeException | IOException e) {
            fail(where + ": '" + cell + "' is not a " + type + " (" + e + ")");
        }
    }
}
