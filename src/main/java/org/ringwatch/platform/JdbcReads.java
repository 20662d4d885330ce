package org.ringwatch.platform;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A read-only query through plain JDBC, for the API's busiest lists (agencies, documents): one
 * pooled connection, one prepared statement, rows read by column name. Through Hibernate the same
 * statement also cost a session, its native-query machinery and a {@code Tuple} per row built
 * from the result set's metadata, which a profile of bench/api-lists.sh put at a large share of
 * a page's CPU (bench/README.md). Same pool, same connection settings, same transaction when
 * one is open (the pool enlists the connection).
 * <p>
 * Parameters are named ({@code :name}) as in the Hibernate queries, so SQL fragments shared with
 * them ({@code DocumentAccess.PUBLIC} and its {@code :today}) read the same here; each is bound
 * by position, never spliced in. A failure is an {@link IllegalStateException} around the
 * driver's {@link SQLException}, which {@link DatabaseOutage} still finds.
 */
@ApplicationScoped
public class JdbcReads {

    /** Reads one row; the result set is positioned on it. */
    @FunctionalInterface
    public interface Row<R> {
        R read(ResultSet row) throws SQLException;
    }

    /** A statement with its named parameters turned into {@code ?}, and their names in order. */
    record Statement(String sql, List<String> names) {

        static Statement of(String named) {
            StringBuilder sql = new StringBuilder(named.length());
            List<String> names = new ArrayList<>();
            boolean quoted = false;
            for (int i = 0; i < named.length(); i++) {
                char c = named.charAt(i);
                if (c == '\'') {
                    quoted = !quoted;
                }
                // ":name", but neither "::type" (a cast) nor anything inside a string literal.
                if (!quoted && c == ':' && i + 1 < named.length() && Character.isJavaIdentifierStart(named.charAt(i + 1))
                        && (i == 0 || named.charAt(i - 1) != ':')) {
                    int end = i + 1;
                    while (end < named.length() && Character.isJavaIdentifierPart(named.charAt(end))) {
                        end++;
                    }
                    names.add(named.substring(i + 1, end));
                    sql.append('?');
                    i = end - 1;
                } else {
                    sql.append(c);
                }
            }
            return new Statement(sql.toString(), List.copyOf(names));
        }
    }

    private final DataSource data;
    /**
     * By SQL text: the callers build theirs from fixed fragments (a few filter combinations) and a
     * page size (SqlLimit: 2 to 201 from the API, and the export's chunk), so their number is bounded.
     */
    private final Map<String, Statement> statements = new ConcurrentHashMap<>();

    public JdbcReads(DataSource data) {
        this.data = data;
    }

    /**
     * A row's columns by name, as {@code Tuple::get} gives a native query's, so one mapping
     * serves both paths.
     */
    public static Function<String, Object> byName(ResultSet row) {
        return name -> {
            try {
                return row.getObject(name);
            } catch (SQLException e) {
                throw new IllegalStateException("No column " + name + ": " + e.getMessage(), e);
            }
        };
    }

    /** The rows of {@code sql} with {@code parameters} bound by name, each read by {@code row}. */
    public <R> List<R> list(String sql, Map<String, ?> parameters, Row<R> row) {
        Statement statement = statements.computeIfAbsent(sql, Statement::of);
        try (Connection connection = data.getConnection();
             PreparedStatement query = connection.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.names().size(); i++) {
                String name = statement.names().get(i);
                if (!parameters.containsKey(name)) {
                    throw new IllegalArgumentException("No value for :" + name + " in " + sql);
                }
                query.setObject(i + 1, parameters.get(name));
            }
            List<R> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(row.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
    }
}
