package org.ringwatch.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an audit entry changed, field by field: its before and after states (JSON) flattened to
 * paths ("clauses.free_devices.quote", "counterparties"), and only the paths whose value
 * differs. A list of plain values reads as one value ("ring_llc, amazon"); a long value is cut.
 */
public final class AuditDiff {

    /** One field: its value before and after; null where it did not exist. */
    public record FieldChange(String field, String before, String after) {

        /** The top-level field it belongs to ("clauses" for "clauses.free_devices.quote"). */
        public String topLevel() {
            int end = field.length();
            for (char stop : new char[] {'.', '['}) {
                int at = field.indexOf(stop);
                if (at > 0 && at < end) {
                    end = at;
                }
            }
            return field.substring(0, end);
        }
    }

    static final int LONGEST = 300;

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditDiff() {
    }

    /** The fields that differ between two states (either may be null: created, or gone). */
    public static List<FieldChange> between(String beforeJson, String afterJson) {
        Map<String, String> before = flatten(beforeJson);
        Map<String, String> after = flatten(afterJson);
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String was = before.get(field);
            String is = after.get(field);
            if (!Objects.equals(was, is)) {
                changes.add(new FieldChange(field, was, is));
            }
        }
        return changes;
    }

    /** The top-level fields a change touched, in order, each once. */
    public static List<String> changedFields(String beforeJson, String afterJson) {
        return between(beforeJson, afterJson).stream().map(FieldChange::topLevel).distinct().toList();
    }

    private static Map<String, String> flatten(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json == null) {
            return values;
        }
        try {
            flatten("", JSON.readTree(json), values);
        } catch (JsonProcessingException e) {
            values.put("state", cut(json));
        }
        return values;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    e.getValue(), values));
        } else if (node.isArray() && !containers(node)) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            put(path, String.join(", ", items), values);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + (i + 1) + "]", node.get(i), values);
            }
        } else if (!node.isNull()) {
            put(path, node.asText(), values);
        }
    }

    private static boolean containers(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    private static void put(String path, String value, Map<String, String> values) {
        values.put(path.isEmpty() ? "value" : path, cut(value));
    }

    private static String cut(String value) {
        return value.length() <= LONGEST ? value : value.substring(0, LONGEST) + "…";
    }
}
