package org.ringwatch.api;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvCellsTest {

    @Test
    void shouldMakeFormulasTextAndLeaveTheRestAlone() {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")");
        cells.put("+1+cmd", "'+1+cmd");
        cells.put("-2+3", "'-2+3");
        cells.put("@SUM(A1)", "'@SUM(A1)");
        cells.put("\tcmd", "'\tcmd");
        cells.put("\rcmd", "'\rcmd");
        cells.put("-42", "-42");
        cells.put("+3.5", "+3.5");
        cells.put("Aurora Police Department", "Aurora Police Department");
        cells.put("a=b", "a=b");
        cells.put("", "");
        cells.forEach((cell, expected) -> assertEquals(expected, CsvCells.safe(cell), cell));
    }
}
