package org.ringwatch.dump;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.ringwatch.api.CsvCells;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams one table's public rows from the database into CSV: a cursor of {@value #FETCH} rows at a
 * time, so a table of any size passes through in constant memory. Each cell is written in the
 * default format of its Table Schema type; text cells are made harmless to spreadsheets
 * ({@link CsvCells}).
 */
final class TableWriter {

    /** Rows per round trip; the cursor needs the connection out of auto-commit (the snapshot is). */
    static final int FETCH = 2000;

    /** Table Schema's default datetime: UTC to the second. */
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    /** A named parameter of the features' public rules; {@code ::} casts are not. */
    private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):([a-z_]+)\\b");

    private static final CsvMapper CSV = new CsvMapper();

    private TableWriter() {
    }

    /** Writes {@code table} as CSV to {@code out} (left open) and returns how many rows it wrote. */
    static long write(Connection connection, DumpTable table, LocalDate today, OutputStream out)
            throws SQLException, IOException {
        CsvSchema.Builder header = CsvSchema.builder();
        table.columnNames().forEach(header::addColumn);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        long rows = 0;
        try (PreparedStatement statement = prepare(connection, table.sql(), today);
             SequenceWriter csv = CSV.writer(header.build().withHeader())
                     .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(writer)) {
            statement.setFetchSize(FETCH);
            try (ResultSet result = statement.executeQuery()) {
                List<DumpTable.Column> columns = table.columns();
                String[] cells = new String[columns.size()];
                while (result.next()) {
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = cell(result, i + 1, columns.get(i).type());
                    }
                    csv.write(cells);
                    rows++;
                }
            }
        }
        writer.flush();
        return rows;
    }

    private static String cell(ResultSet result, int index, DumpTable.Type type) throws SQLException {
        return switch (type) {
            case BOOLEAN -> {
                boolean value = result.getBoolean(index);
                yield result.wasNull() ? null : String.valueOf(value);
            }
            case NUMBER -> {
                BigDecimal value = result.getBigDecimal(index);
                yield value == null ? null : value.toPlainString();
            }
            case DATETIME -> {
                OffsetDateTime value = result.getObject(index, OffsetDateTime.class);
                yield value == null ? null : DATETIME.format(value.withOffsetSameInstant(ZoneOffset.UTC));
            }
            case STRING -> CsvCells.safe(result.getString(index));
            // integer, date (ISO), and JSON object or array: PostgreSQL's text is the format already.
            default -> result.getString(index);
        };
    }

    /**
     * The query with its named parameters bound. The features' public rules are SQL fragments with
     * {@code :today} (JPA's syntax); plain JDBC, which the cursor needs, takes positional ones.
     */
    static PreparedStatement prepare(Connection connection, String sql, LocalDate today) throws SQLException {
        Matcher named = NAMED.matcher(sql);
        StringBuilder positional = new StringBuilder();
        List<LocalDate> values = new ArrayList<>();
        while (named.find()) {
            if (!named.group(1).equals("today")) {
                throw new IllegalStateException("A dump query binds only :today, not :" + named.group(1));
            }
            named.appendReplacement(positional, "CAST(? AS date)");
            values.add(today);
        }
        named.appendTail(positional);
        PreparedStatement statement = connection.prepareStatement(positional.toString());
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }
}
