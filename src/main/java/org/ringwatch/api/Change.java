package org.ringwatch.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * One row of a sync ({@code updated_since}): the item as the list shows it with when it last
 * changed, or, once the public may no longer see it, a tombstone that says only which it was.
 * In JSON a live change is the item's own fields with {@code updated_at} and
 * {@code "deleted": false}; a tombstone is exactly {@code {"id", "deleted": true, "updated_at"}}.
 * In CSV ({@link CsvRows#ofChanges}) both are rows with the item's columns, a tombstone's empty but its id.
 *
 * @param id the row's id in the list (a tombstone's only field besides deleted and updated_at)
 * @param item the item, or null for a tombstone
 */
public record Change<T>(long id, T item, OffsetDateTime updatedAt) {

    public static <T> Change<T> live(long id, T item, OffsetDateTime updatedAt) {
        return new Change<>(id, item, updatedAt);
    }

    public static <T> Change<T> tombstone(long id, OffsetDateTime updatedAt) {
        return new Change<>(id, null, updatedAt);
    }

    /**
     * A timestamptz column as a native query returns it (an OffsetDateTime or an Instant) or as
     * JDBC's getObject does (a Timestamp), for {@code updatedAt}.
     */
    public static OffsetDateTime timestamp(Object column) {
        if (column instanceof OffsetDateTime time) {
            return time;
        }
        return (column instanceof Timestamp jdbc ? jdbc.toInstant() : (Instant) column).atOffset(ZoneOffset.UTC);
    }

    public boolean deleted() {
        return item == null;
    }

    /** The same change with its item made into another shape (a row into the list's JSON record). */
    public <U> Change<U> map(Function<T, U> shape) {
        return new Change<>(id, item == null ? null : shape.apply(item), updatedAt);
    }

    @JsonValue
    Object json() {
        return deleted() ? new Tombstone(id, true, updatedAt) : new Live<>(item, updatedAt, false);
    }

    record Live<T>(@JsonUnwrapped T item, OffsetDateTime updatedAt, boolean deleted) {
    }

    record Tombstone(long id, boolean deleted, OffsetDateTime updatedAt) {
    }
}
