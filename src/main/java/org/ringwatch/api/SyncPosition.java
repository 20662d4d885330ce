package org.ringwatch.api;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a sync ({@code updated_since}) of a list stands while the client pages through it:
 * the mark it started from, and the mark its last page hands back. The mark handed back is read
 * before the first page and carried by every cursor: what changes while the client pages is at
 * or above it, so it comes again in the next poll even where a page already passed it. Changes
 * are listed by id, so a cursor is the last id and the mark.
 */
public record SyncPosition(Watermark since, Watermark mark, long afterId) {

    /** A sync's first page (no cursor) reads its mark now; a later page takes it from the cursor. */
    static SyncPosition of(Watermark since, String cursor, EntityManager em, LocalDate today) {
        if (cursor == null) {
            return new SyncPosition(since, Watermark.now(em, today), 0);
        }
        List<String> keys = Cursor.decode(cursor, 3);
        return new SyncPosition(since, Watermark.ofKeys(keys.get(1), keys.get(2)), id(keys.get(0)));
    }

    /** The same sync after {@code cursor}, one of its own (null: from the start). */
    public SyncPosition at(String cursor) {
        return new SyncPosition(since, mark, cursor == null ? 0 : id(Cursor.decode(cursor, 3).get(0)));
    }

    private static long id(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw ApiProblem.badParameter("cursor", "cursor is not one this API issued");
        }
    }

    /** Binds {@link Watermark#since}'s parameter and {@code :afterId}, the last id listed. */
    public void bind(Query query) {
        since.bindSince(query);
        query.setParameter("afterId", afterId);
    }

    /** The cursor after the change with this id. */
    public String cursorOf(long id) {
        return Cursor.encode(String.valueOf(id), mark.xid(), mark.day().toString());
    }

    /** A sync lists changes by id: another order is a 400 naming {@code sort}. */
    public static void requireIdOrder(boolean idOrder) {
        if (!idOrder) {
            throw ApiProblem.badParameter("sort", "a sync (updated_since) lists changes in id order; leave sort out");
        }
    }
}
