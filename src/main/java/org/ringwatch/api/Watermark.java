package org.ringwatch.api;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.core.UriInfo;
import org.ringwatch.platform.RingWatchConfig;
import org.ringwatch.platform.Today;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a list's sync stands: the {@code updated_since} a client sends and the one it is handed
 * back in the {@code Link: <…>; rel="sync"} of the last page. A row is "changed since" a mark
 * when the transaction that last changed it ({@code changed_xid}) is at or above the mark's
 * transaction id; a poll's own mark is {@code pg_snapshot_xmin(pg_current_snapshot())}, the
 * oldest transaction still running as it reads. Everything below that had finished when the
 * poll read, so the poll saw it; everything at or above it (a transaction that began before
 * the poll and commits after it, with an older timestamp) is in the next poll. A poll may send a
 * row again, never miss one.
 *
 * <p>The mark also carries the day the poll read on ({@link Today}): an embargo that runs out
 * changes no row, so a list asks for embargoes ending after that day by date.
 *
 * <p>A first sync may send an ISO-8601 timestamp instead ({@code 2027-01-01T00:00:00Z}): rows
 * whose {@code changed_at} (the changing transaction's start) is at or after it. That misses a
 * change whose transaction began before the timestamp and committed after it; a timestamp older
 * than any change ({@code 1970-01-01T00:00:00Z}) misses nothing, and every later poll uses the
 * mark handed back.
 *
 * @param xid the transaction id the changes start from; null for a timestamp
 * @param at the timestamp the changes start from; null for a mark
 * @param day embargoes ending after this day count as changes
 */
public record Watermark(String xid, OffsetDateTime at, LocalDate day) {

    public static final String PARAMETER = "updated_since";

    private static final String VERSION = "w1";
    private static final char SEPARATOR = '\u001f';
    private static final Pattern XID = Pattern.compile("\\d{1,19}");

    /** @return the mark or timestamp {@code raw} says; null when it is absent; a 400 naming updated_since when bad */
    public static Watermark parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        // A colon is never in a mark (Base64url), always in a timestamp.
        if (value.contains(":")) {
            try {
                OffsetDateTime at = OffsetDateTime.parse(value);
                // An embargo ending on the timestamp's own day took effect at or before it: send those too.
                return new Watermark(null, at, at.atZoneSameInstant(Today.ZONE).toLocalDate().minusDays(1));
            } catch (DateTimeParseException e) {
                throw bad(raw);
            }
        }
        return decode(value, raw);
    }

    /** The mark of a poll reading now: the oldest transaction still running, and today. */
    public static Watermark now(EntityManager em, LocalDate today) {
        Object xmin = em.createNativeQuery("SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text)")
                .getSingleResult();
        return new Watermark((String) xmin, null, today);
    }

    /** The opaque form a client sends back as {@code updated_since}. */
    public String token() {
        if (xid == null) {
            throw new IllegalStateException("a timestamp is not handed back; only a poll's own mark is");
        }
        String joined = VERSION + SEPARATOR + xid + SEPARATOR + day;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The SQL condition "changed at or after this mark" on a table's {@code changed_xid} and
     * {@code changed_at} columns (given with their alias); bind it with {@link #bindSince}.
     */
    public String since(String changedXid, String changedAt) {
        return xid != null ? changedXid + " >= CAST(:sinceXid AS xid8)" : changedAt + " >= :sinceAt";
    }

    public void bindSince(Query query) {
        if (xid != null) {
            query.setParameter("sinceXid", xid);
        } else {
            query.setParameter("sinceAt", at);
        }
    }

    /** This request's address as the next poll: {@code updated_since} this mark, from the first page. */
    public String nextPoll(UriInfo uri, RingWatchConfig config) {
        return Paging.replacing(uri, config, PARAMETER, token(), "cursor");
    }

    /** {@code Link} header value for {@link #nextPoll}. */
    public String link(UriInfo uri, RingWatchConfig config) {
        return "<" + nextPoll(uri, config) + ">; rel=\"sync\"";
    }

    /** A mark as a cursor key, to carry a sync's upper bound from page to page. */
    public List<String> keys() {
        return List.of(xid, day.toString());
    }

    /** The mark {@link #keys} made, read back from a cursor ({@link Cursor} has checked it is one we issued). */
    public static Watermark ofKeys(String xid, String day) {
        if (!XID.matcher(xid).matches()) {
            throw cursor();
        }
        try {
            return new Watermark(xid, null, LocalDate.parse(day));
        } catch (DateTimeParseException e) {
            throw cursor();
        }
    }

    private static Watermark decode(String value, String raw) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            String[] keys = joined.split(String.valueOf(SEPARATOR), -1);
            if (keys.length == 3 && keys[0].equals(VERSION) && XID.matcher(keys[1]).matches()) {
                return new Watermark(keys[1], null, LocalDate.parse(keys[2]));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // not one we issued: answered below
        }
        throw bad(raw);
    }

    private static ApiProblem bad(String raw) {
        return ApiProblem.badParameter(PARAMETER, PARAMETER + " must be the mark the previous sync handed back"
                + " (its Link rel=\"sync\"), unchanged, or an ISO-8601 timestamp with an offset such as"
                + " 2027-01-01T00:00:00Z; got '" + raw + "'");
    }

    private static ApiProblem cursor() {
        return ApiProblem.badParameter("cursor",
                "cursor is not one this API issued; take it unchanged from the \"next\" link of the previous page");
    }
}
