package org.ringwatch.platform;

import org.junit.jupiter.api.Test;
import org.ringwatch.document.DocumentAccess;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Named parameters become JDBC's positional ones, and nothing else does (the queries run in AgencyApiTest, DocumentListTest). */
class JdbcReadsTest {

    @Test
    void shouldBindEachNamedParameterByPositionInOrder() {
        JdbcReads.Statement statement = JdbcReads.Statement.of(
                "SELECT 1 WHERE a > (CAST(:afterState AS bpchar), :afterSlug) AND b = :state LIMIT :limit");
        assertEquals("SELECT 1 WHERE a > (CAST(? AS bpchar), ?) AND b = ? LIMIT ?", statement.sql());
        assertEquals(List.of("afterState", "afterSlug", "state", "limit"), statement.names());
    }

    @Test
    void shouldLeaveCastsAndStringLiteralsAlone() {
        JdbcReads.Statement statement = JdbcReads.Statement.of(
                "SELECT x::text, ':not' || 'it''s :no' FROM t WHERE n LIKE '%' || rw_fold(:q) || '%' ESCAPE '\\' AND d <= :today");
        assertEquals("SELECT x::text, ':not' || 'it''s :no' FROM t WHERE n LIKE '%' || rw_fold(?) || '%' ESCAPE '\\' AND d <= ?",
                statement.sql());
        assertEquals(List.of("q", "today"), statement.names());
    }

    @Test
    void shouldReadTheSharedVisibilityRule() {
        assertEquals(List.of("today"), JdbcReads.Statement.of("SELECT 1 FROM document d WHERE " + DocumentAccess.PUBLIC)
                .names());
    }
}
