package org.ringwatch.seed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds partnership seed files for tests, in the real file's columns, so each test can add
 * agencies of its own without relying on the real data's ids or order.
 */
public final class PartnershipRows {

    public static final String FILE = PartnershipSeed.FILE;
    private static final String HEADER = "aos_number,agency,agency_type,jurisdiction_type,city,county,state,"
            + "ring_active_date,ring_active_date_precision,active_date_source,source_map_url,records_link,"
            + "records_link_source,records_link_date,extra_link,extra_link_source,atlas_summary";

    private final List<String> lines = new ArrayList<>(List.of(HEADER));

    /** A unique name suffix, so repeated runs and other tests never collide. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public PartnershipRows agency(String name, String city, String county, String state, String date, String precision) {
        return raw("TEST-" + unique(), name, "Police", "Municipal", city, county, state, date, precision,
                "ring_active_agency_map");
    }

    public PartnershipRows raw(String aos, String name, String type, String level, String city, String county,
            String state, String date, String precision, String dateSource) {
        lines.add(String.join(",", quote(aos), quote(name), quote(type), quote(level), quote(city), quote(county),
                quote(state), quote(date), quote(precision), quote(dateSource),
                quote("https://www.google.com/maps/d/viewer?mid=test"), "", "", "", "", "",
                quote("A test summary for " + name + ".")));
        return this;
    }

    /** Appends a line exactly as given, for malformed rows. */
    public PartnershipRows line(String line) {
        lines.add(line);
        return this;
    }

    public byte[] bytes() {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
