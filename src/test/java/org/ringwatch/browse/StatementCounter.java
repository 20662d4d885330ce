package org.ringwatch.browse;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the SQL statements Hibernate prepares on the current thread, so a test can prove a page's
 * read model runs the number of queries it promises. Per thread: the job workers and other
 * requests running meanwhile are not counted. A persistence unit has one statement inspector
 * (pagecache/CommittedWrites), so this one wraps it rather than stand beside it.
 */
@Decorator
@Priority(1)
public abstract class StatementCounter implements StatementInspector {

    private static final ThreadLocal<List<String>> SEEN = new ThreadLocal<>();

    @Inject
    @Delegate
    @PersistenceUnitExtension
    StatementInspector inspector;

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
        return inspector.inspect(sql);
    }
}
