package org.ringwatch.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 reader that remembers on which line of the file each record starts, so a
 * bad row can be reported as "file, line N". Quoted fields may hold commas, doubled quotes
 * and line breaks.
 */
final class CsvReader {

    private CsvReader() {
    }

    static List<CsvRecord> read(String file, String text) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> startLines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int line = 1;
        int recordStart = 1;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
                if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                    rows.add(fields);
                    startLines.add(recordStart);
                }
                fields = new ArrayList<>();
                line++;
                recordStart = line;
            } else if (fieldWasQuoted) {
                throw new SeedException(file, line, "text after a closing quote");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new SeedException(file, recordStart, "a quoted field is never closed");
        }
        if (field.length() > 0 || !fields.isEmpty() || fieldWasQuoted) {
            fields.add(field.toString());
            rows.add(fields);
            startLines.add(recordStart);
        }
        if (rows.isEmpty()) {
            throw new SeedException(file, 1, "the file is empty; a header line is required");
        }
        List<String> header = rows.get(0);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim(), i);
        }
        List<CsvRecord> records = new ArrayList<>(rows.size() - 1);
        for (int r = 1; r < rows.size(); r++) {
            List<String> values = rows.get(r);
            if (values.size() != header.size()) {
                throw new SeedException(file, startLines.get(r),
                        "expected " + header.size() + " fields as in the header, found " + values.size());
            }
            records.add(new CsvRecord(file, startLines.get(r), columns, values));
        }
        return records;
    }

    /** One data row; {@link #get} fails with the file and line when a column is missing. */
    record CsvRecord(String file, int line, Map<String, Integer> columns, List<String> values) {

        String get(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw new SeedException(file, 1, "the header has no column '" + column + "'");
            }
            return values.get(index).trim();
        }

        /** The value, or null when the field is empty. */
        String optional(String column) {
            String value = get(column);
            return value.isEmpty() ? null : value;
        }

        String required(String column) {
            String value = get(column);
            if (value.isEmpty()) {
                throw fail(column + " is empty");
            }
            return value;
        }

        SeedException fail(String reason) {
            return new SeedException(file, line, reason);
        }
    }
}
