package org.ringwatch.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The CSV of a list's items, from the same JSON record as the other formats: nested objects
 * become dotted columns ({@code first_active.date}), lists of plain values one cell joined by
 * "; ", and lists of objects (an agreement's clauses, a request's events) are left to a CSV of
 * their own, joined by id. The columns come from the record's type, so every row has the same
 * ones even where a nested object is null; every cell goes through {@link CsvCells#safe}.
 */
public final class CsvRows {

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final List<String> columns;
    private final ObjectMapper json;

    private CsvRows(List<String> columns, ObjectMapper json) {
        this.columns = columns;
        this.json = json;
    }

    public static CsvRows of(Class<? extends Record> type, ObjectMapper json) {
        List<String> columns = new ArrayList<>();
        collect("", type, columns);
        return new CsvRows(List.copyOf(columns), json);
    }

    /**
     * The CSV of a sync's {@link Change}s of {@code itemType}: its columns, then updated_at and
     * deleted. A tombstone's row has its id, updated_at and deleted, every other cell empty; a list
     * that can have tombstones has an id column.
     */
    public static CsvRows ofChanges(Class<? extends Record> itemType, ObjectMapper json) {
        List<String> columns = new ArrayList<>();
        collect("", itemType, columns);
        columns.add("updated_at");
        columns.add("deleted");
        return new CsvRows(List.copyOf(columns), json);
    }

    public List<String> columns() {
        return columns;
    }

    public List<String> row(Object item) {
        JsonNode tree = json.valueToTree(item);
        List<String> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
            JsonNode node = tree;
            for (String part : column.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            cells.add(CsvCells.safe(text(node)));
        }
        return cells;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(value -> values.add(value.asText()));
            return String.join("; ", values);
        }
        return node.asText();
    }

    private static void collect(String prefix, Class<?> type, List<String> columns) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + SNAKE.translate(component.getName());
            Class<?> raw = component.getType();
            if (raw.isRecord()) {
                collect(name + ".", raw, columns);
            } else if (Collection.class.isAssignableFrom(raw)) {
                if (!elementIsRecord(component.getGenericType())) {
                    columns.add(name);
                }
            } else if (plain(raw)) {
                columns.add(name);
            }
        }
    }

    private static boolean elementIsRecord(Type type) {
        return type instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord();
    }

    private static boolean plain(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || CharSequence.class.isAssignableFrom(type)
                || Number.class.isAssignableFrom(type) || Boolean.class == type
                || Temporal.class.isAssignableFrom(type);
    }
}
