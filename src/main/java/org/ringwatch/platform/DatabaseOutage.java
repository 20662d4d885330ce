package org.ringwatch.platform;

import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one definition of "the database cannot be reached right now": it is down, restarting or
 * refusing connections, or the pool found no connection in time. Such a failure is not a bug
 * in the request, and the same request succeeds once the server is back; callers answer 503.
 */
public final class DatabaseOutage {

    /** admin_shutdown, crash_shutdown, cannot_connect_now (still starting or recovering). */
    private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    /**
     * Whether {@code failure} comes from an outage, looking through its causes and suppressed
     * exceptions: JTA, Hibernate and the pool each wrap the driver's exception their own way.
     */
    public static boolean causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof JDBCConnectionException || next instanceof SQLException sql && isOutage(sql)) {
                return true;
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
        }
        return false;
    }

    private static boolean isOutage(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null) {
            // Class 08: connection exceptions (refused, broken, closed by the server).
            return state.startsWith("08") || SERVER_GOING_OR_COMING.contains(state);
        }
        // Agroal's acquisition timeouts carry neither an SQLState nor a type of their own; its
        // message is the only sign ("Sorry, acquisition timeout!", "Acquisition timeout while ...").
        String message = sql.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
