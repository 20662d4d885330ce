package org.ringwatch.seed;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvReaderTest {

    @Test
    void shouldReadQuotedFieldsWithCommasQuotesAndLineBreaks() {
        List<CsvReader.CsvRecord> rows = CsvReader.read("t.csv",
                "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row\n");
        assertEquals(3, rows.size());
        assertEquals("x, y", rows.get(0).get("a"));
        assertEquals("say \"hi\"", rows.get(0).get("b"));
        assertEquals("two\nlines", rows.get(1).get("a"));
        assertEquals(2, rows.get(0).line());
        assertEquals(3, rows.get(1).line());
        assertEquals(5, rows.get(2).line(), "a line break inside quotes still counts as a line of the file");
    }

    @Test
    void shouldNameTheLineOfARowWithTheWrongNumberOfFields() {
        SeedException e = assertThrows(SeedException.class,
                () -> CsvReader.read("t.csv", "a,b\n1,2\n3\n"));
        assertEquals(3, e.line());
        assertEquals("t.csv line 3: expected 2 fields as in the header, found 1", e.getMessage());
    }

    @Test
    void shouldRejectAnUnclosedQuoteAtTheLineItStarts() {
        SeedException e = assertThrows(SeedException.class,
                () -> CsvReader.read("t.csv", "a,b\n1,2\n\"open,3\n4,5\n"));
        assertEquals(3, e.line());
    }

    @Test
    void shouldRejectAnEmptyFileAndAMissingColumn() {
        assertThrows(SeedException.class, () -> CsvReader.read("t.csv", ""));
        CsvReader.CsvRecord row = CsvReader.read("t.csv", "a\n1\n").get(0);
        SeedException e = assertThrows(SeedException.class, () -> row.get("b"));
        assertEquals("t.csv line 1: the header has no column 'b'", e.getMessage());
    }

    @Test
    void shouldIgnoreAByteOrderMarkAndBlankLines() {
        List<CsvReader.CsvRecord> rows = CsvReader.read("t.csv", "\uFEFFa,b\n\n1,2\n");
        assertEquals(1, rows.size());
        assertEquals("1", rows.get(0).get("a"));
    }
}
