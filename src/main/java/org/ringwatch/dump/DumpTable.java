package org.ringwatch.dump;

import java.util.ArrayList;
import java.util.List;

/**
 * One table of a dump: its CSV columns as a Table Schema declares them, its keys, the query that
 * reads its public rows (columns in the same order), and whose data it is, which decides the
 * licence and sources datapackage.json gives it.
 */
record DumpTable(String name, String title, String description, List<Column> columns, List<String> primaryKey,
        List<ForeignKey> foreignKeys, Origin origin, String sql) {

    /** Table Schema field types the dumps use; the CSV cell of each is written in that type's default format. */
    enum Type {
        INTEGER, NUMBER, BOOLEAN, DATE, DATETIME, STRING, OBJECT, ARRAY;

        String schemaName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whose rows these are: the Atlas of Surveillance (CC BY 4.0, credited) mixed with ours, or ours alone. */
    enum Origin {
        ATLAS_AND_RINGWATCH, RINGWATCH
    }

    record Column(String name, Type type, boolean required, String description) {
    }

    /** A column that names a row of another table of the same dump; the query makes sure that row is in it. */
    record ForeignKey(String field, String resource, String referencedField) {
    }

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    static Builder table(String name, String title, String description) {
        return new Builder(name, title, description);
    }

    static final class Builder {
        private final String name;
        private final String title;
        private final String description;
        private final List<Column> columns = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();
        private List<String> primaryKey = List.of();
        private Origin origin = Origin.RINGWATCH;

        private Builder(String name, String title, String description) {
            this.name = name;
            this.title = title;
            this.description = description;
        }

        /** A column that always has a value. */
        Builder required(String column, Type type, String description) {
            columns.add(new Column(column, type, true, description));
            return this;
        }

        /** A column that may be empty (null). */
        Builder optional(String column, Type type, String description) {
            columns.add(new Column(column, type, false, description));
            return this;
        }

        Builder key(String... columns) {
            this.primaryKey = List.of(columns);
            return this;
        }

        Builder references(String field, String resource, String referencedField) {
            foreignKeys.add(new ForeignKey(field, resource, referencedField));
            return this;
        }

        Builder origin(Origin origin) {
            this.origin = origin;
            return this;
        }

        DumpTable sql(String sql) {
            return new DumpTable(name, title, description, List.copyOf(columns), primaryKey, List.copyOf(foreignKeys),
                    origin, sql);
        }
    }
}
