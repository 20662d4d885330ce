package org.ringwatch.platform;

/**
 * A statement's row limit, written into its text instead of bound as a parameter.
 * <p>
 * PostgreSQL plans a prepared statement for its first five executions with the values bound, and
 * then keeps one generic plan if that costs about what they did. A generic plan cannot know how
 * many rows a {@code LIMIT $n} wants, so it always costs more, and PostgreSQL plans every execution
 * afresh, forever: for the API's agency list, planning was 0.2 ms of each page's 0.4 ms in the
 * database, and PostgreSQL spent 0.65 ms of CPU on a page through the service against 0.30 ms for
 * the same statement prepared once by pgbench (bench/README.md, issue 12). With the number in the
 * text the plan is made five times and then reused. A page size is a whole number the caller has
 * already bounded (the API's 1 to 200, plus one), so it cannot carry SQL, and the few distinct
 * texts it makes stay few.
 */
public final class SqlLimit {

    private SqlLimit() {
    }

    /** {@code " LIMIT rows"}, to append to a statement. */
    public static String rows(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("A row limit cannot be negative: " + rows);
        }
        return " LIMIT " + rows;
    }
}
