package org.ringwatch.api;

/**
 * Cells of CSV that spreadsheets open: a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return would run as a formula in Excel, LibreOffice or Google
 * Sheets (OWASP "CSV injection"), so it gets a leading apostrophe, which they show as text.
 * Numbers stay numbers: a negative number is not text someone typed.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula && !isNumber(cell) ? "'" + cell : cell;
    }

    private static boolean isNumber(String cell) {
        return cell.matches("[+-]?\\d+(\\.\\d+)?");
    }
}
