package org.ringwatch.browse;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the SQL statements Hibernate prepares on the current thread, so a test can prove a page's
 * read model runs the number of queries it promises. Per thread: the job workers and other
 * requests running meanwhile are not counted.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementCounter implements StatementInspector {

    private static final ThreadLocal<List<String>> SEEN = new ThreadLocal<>();

    /** Starts recording on this thread. */
    public static void start() {
        SEEN.set(new ArrayList<>());
    }

    /** Stops recording on this thread and returns what was prepared since {@link #start()}. */
    public static List<String> stop() {
        List<String> seen = SEEN.get();
        SEEN.remove();
        return seen == null ? List.of() : seen;
    }

    @Override
    public String inspect(String sql) {
        List<String> seen = SEEN.get();
        if (seen != null) {
            seen.add(sql);
        }
        return sql;
    }
}
