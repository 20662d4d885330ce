package org.ringwatch.dump;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A dump as the API lists it: its day, when its snapshot was taken, and each file's address,
 * SHA-256 and size, so a download can be checked; the rows per table say whether it is whole.
 */
public record DumpJson(LocalDate date, OffsetDateTime createdAt, String file, String sha256, long size,
        String pagesFile, String pagesSha256, long pagesSize, Map<String, Long> rowCounts, long durationMs) {

    static DumpJson of(Dump dump) {
        String base = "/api/v1/dumps/" + dump.madeOn;
        return new DumpJson(dump.madeOn, dump.createdAt, base, dump.sha256, dump.sizeBytes, base + "/pages",
                dump.pagesSha256, dump.pagesSizeBytes, dump.rowCounts, dump.durationMs);
    }
}
