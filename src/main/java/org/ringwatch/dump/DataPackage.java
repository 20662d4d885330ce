package org.ringwatch.dump;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The {@code datapackage.json} of a dump: a Frictionless Tabular Data Package whose resources are
 * the CSV files, each with its Table Schema (fields, types, primary and foreign keys), licence and
 * sources. The Atlas of Surveillance's rows keep its CC BY 4.0 licence and attribution wherever
 * they appear; RingWatch's own records are published under CC BY 4.0 too, credited to RingWatch.
 */
final class DataPackage {

    static final String ATLAS_CREDIT = "Atlas of Surveillance, Electronic Frontier Foundation & UNR Reynolds School"
            + " of Journalism, snapshot of 2020-10-07 (CC BY 4.0); active dates from Ring's Active Agency Map,"
            + " published by Ring without a licence";
    private static final String ATLAS_URL = "https://atlasofsurveillance.org/";
    private static final String RINGWATCH_CREDIT = "RingWatch: public-records requests, documents and agreement records"
            + " compiled by its volunteers and moderators";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DataPackage() {
    }

    /** The descriptor of the tables' ZIP ({@code name} "ringwatch") or of the page texts' ("ringwatch-pages"). */
    static ObjectNode of(String name, String title, LocalDate day, Instant created, List<DumpTable> tables) {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", "tabular-data-package");
        root.put("name", name);
        root.put("id", name + "-" + day);
        root.put("title", title + ", " + day);
        root.put("description", "Every public fact RingWatch holds on " + day + ", as CSV (UTF-8, header row,"
                + " empty cell = null). Cells that begin with = + - @ or a tab carry a leading apostrophe so"
                + " spreadsheets do not run them as formulas. Nothing private is included: drafts, embargoed"
                + " requests, private log entries, unpublished documents and withheld pages are left out.");
        root.put("version", day.toString());
        root.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
        root.set("licenses", licences());
        root.set("sources", sources(DumpTable.Origin.ATLAS_AND_RINGWATCH));
        ArrayNode resources = root.putArray("resources");
        tables.forEach(table -> resources.add(resource(table)));
        return root;
    }

    static String path(DumpTable table) {
        return "data/" + table.name() + ".csv";
    }

    private static ObjectNode resource(DumpTable table) {
        ObjectNode resource = JSON.createObjectNode();
        resource.put("profile", "tabular-data-resource");
        resource.put("name", table.name());
        resource.put("path", path(table));
        resource.put("title", table.title());
        resource.put("description", table.description());
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        resource.set("schema", schema(table));
        resource.set("licenses", licences());
        resource.set("sources", sources(table.origin()));
        return resource;
    }

    private static ObjectNode schema(DumpTable table) {
        ObjectNode schema = JSON.createObjectNode();
        ArrayNode fields = schema.putArray("fields");
        boolean singleKey = table.primaryKey().size() == 1;
        for (DumpTable.Column column : table.columns()) {
            ObjectNode field = fields.addObject();
            field.put("name", column.name());
            field.put("type", column.type().schemaName());
            field.put("format", "default");
            field.put("description", column.description());
            boolean key = table.primaryKey().contains(column.name());
            if (column.required() || key) {
                ObjectNode constraints = field.putObject("constraints");
                constraints.put("required", true);
                if (key && singleKey) {
                    constraints.put("unique", true);
                }
            }
        }
        schema.putArray("missingValues").add("");
        ArrayNode key = schema.putArray("primaryKey");
        table.primaryKey().forEach(key::add);
        if (!table.foreignKeys().isEmpty()) {
            ArrayNode foreign = schema.putArray("foreignKeys");
            for (DumpTable.ForeignKey fk : table.foreignKeys()) {
                ObjectNode entry = foreign.addObject();
                entry.put("fields", fk.field());
                ObjectNode reference = entry.putObject("reference");
                reference.put("resource", fk.resource());
                reference.put("fields", fk.referencedField());
            }
        }
        return schema;
    }

    /** One licence for the whole package: the Atlas's terms, which RingWatch also chose for its own records. */
    private static ArrayNode licences() {
        ArrayNode licences = JSON.createArrayNode();
        ObjectNode licence = licences.addObject();
        licence.put("name", "CC-BY-4.0");
        licence.put("path", "https://creativecommons.org/licenses/by/4.0/");
        licence.put("title", "Creative Commons Attribution 4.0 International");
        return licences;
    }

    private static ArrayNode sources(DumpTable.Origin origin) {
        ArrayNode sources = JSON.createArrayNode();
        sources.addObject().put("title", RINGWATCH_CREDIT);
        if (origin == DumpTable.Origin.ATLAS_AND_RINGWATCH) {
            sources.addObject().put("title", ATLAS_CREDIT).put("path", ATLAS_URL);
        }
        return sources;
    }
}
