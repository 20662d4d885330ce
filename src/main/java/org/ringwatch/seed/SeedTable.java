package org.ringwatch.seed;

import org.ringwatch.seed.CsvReader.CsvRecord;

import java.sql.Connection;
import java.sql.SQLException;

/** One file of db/seed/ and how its rows become table rows. */
interface SeedTable {

    /** Path under db/seed/, which is also how messages name the file. */
    String file();

    /**
     * Prepares a writer for one load, inside the caller's transaction (it may remember ids
     * for the length of the load).
     */
    RowWriter open(Connection connection) throws SQLException;

    /** Writes one row; re-writing the same row must change nothing. Bad rows fail via {@link CsvRecord#fail}. */
    @FunctionalInterface
    interface RowWriter {
        void write(CsvRecord row) throws SQLException;
    }
}
