package org.ringwatch.agency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The boundaries of the states and counties, already projected to Albers USA (975×610), as
 * {@code db/seed/geo/build.sh} converts them from us-atlas 3.0.1 (the Census Bureau's 2017
 * cartographic boundary files) into {@code geo/us-albers.json}. Read once per process: the seed
 * matches county names against it, the map pages draw it.
 */
public final class Boundaries {

    static final String RESOURCE = "geo/us-albers.json";

    /** States whose independent cities are county equivalents with their own FIPS code (510 and up). */
    private static final Set<String> INDEPENDENT_CITY_STATES = Set.of("24", "29", "32", "51");

    private static volatile Boundaries loaded;

    private final int width;
    private final int height;
    private final String source;
    private final Map<String, StateShape> statesByCode;
    private final Map<String, CountyShape> countiesByFips;

    /** A rectangle of the map, in its pixels. */
    public record Box(double minX, double minY, double maxX, double maxY) {

        /** An SVG viewBox around the box with a margin of {@code margin} of its larger side. */
        public String viewBox(double margin) {
            double pad = Math.max(maxX - minX, maxY - minY) * margin;
            return String.format(Locale.ROOT, "%.1f %.1f %.1f %.1f", minX - pad, minY - pad,
                    maxX - minX + 2 * pad, maxY - minY + 2 * pad);
        }
    }

    /** A state (or DC): its USPS code, FIPS code, name, SVG path and the box around the path. */
    public record StateShape(String code, String fips, String name, String d, Box box) {

        public String urlCode() {
            return code.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A county or county equivalent: its five-digit FIPS code, the Census name without its kind
     * ("Milwaukee", "Caddo", "Richmond"), and its SVG path.
     */
    public record CountyShape(String fips, String stateCode, String name, String d) {

        /** An independent city (Virginia, Baltimore, St. Louis, Carson City): FIPS 510 and up. */
        public boolean independentCity() {
            return INDEPENDENT_CITY_STATES.contains(fips.substring(0, 2)) && Integer.parseInt(fips.substring(2)) >= 500;
        }

        /**
         * The name with its kind, as people write it: "Milwaukee County", "Caddo Parish",
         * "Richmond city", "District of Columbia"; Alaska's boroughs and census areas by name only,
         * since the boundary file does not say which is which.
         */
        public String label() {
            if (independentCity()) {
                return name.endsWith(" City") ? name : name + " city";
            }
            return switch (stateCode) {
                case "LA" -> name + " Parish";
                case "AK", "DC" -> name;
                default -> name + " County";
            };
        }
    }

    private record Json(String source, int width, int height, List<JsonState> states, List<JsonCounty> counties) {
    }

    private record JsonState(String fips, String code, String name, String d) {
    }

    private record JsonCounty(String fips, String name, String d) {
    }

    private Boundaries(Json json) {
        this.width = json.width();
        this.height = json.height();
        this.source = json.source();
        Map<String, StateShape> states = new LinkedHashMap<>();
        Map<String, String> codeByFips = new LinkedHashMap<>();
        for (JsonState s : json.states()) {
            states.put(s.code(), new StateShape(s.code(), s.fips(), s.name(), s.d(), bounds(s.d())));
            codeByFips.put(s.fips(), s.code());
        }
        Map<String, CountyShape> counties = new LinkedHashMap<>();
        for (JsonCounty c : json.counties()) {
            String state = codeByFips.get(c.fips().substring(0, 2));
            if (state == null) {
                throw new IllegalStateException(RESOURCE + ": county " + c.fips() + " is in no state of the file");
            }
            counties.put(c.fips(), new CountyShape(c.fips(), state, c.name(), c.d()));
        }
        this.statesByCode = Collections.unmodifiableMap(states);
        this.countiesByFips = Collections.unmodifiableMap(counties);
    }

    /** The boundaries of the United States, read from the classpath the first time they are asked for. */
    public static Boundaries us() {
        Boundaries result = loaded;
        if (result == null) {
            synchronized (Boundaries.class) {
                if (loaded == null) {
                    loaded = read();
                }
                result = loaded;
            }
        }
        return result;
    }

    private static Boundaries read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath (run db/seed/geo/build.sh)");
            }
            return new Boundaries(new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, Json.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + RESOURCE + " failed", e);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * The box around every state: wider than the nominal 975×610, since the Alaska inset of
     * Albers USA reaches left of it (the Aleutians).
     */
    public Box box() {
        return new Box(statesByCode.values().stream().mapToDouble(s -> s.box().minX()).min().orElse(0),
                statesByCode.values().stream().mapToDouble(s -> s.box().minY()).min().orElse(0),
                statesByCode.values().stream().mapToDouble(s -> s.box().maxX()).max().orElse(width),
                statesByCode.values().stream().mapToDouble(s -> s.box().maxY()).max().orElse(height));
    }

    /** Where the shapes come from, as the resource states it. */
    public String source() {
        return source;
    }

    /** States and DC in code order. */
    public List<StateShape> states() {
        return List.copyOf(statesByCode.values());
    }

    public Optional<StateShape> state(String code) {
        return Optional.ofNullable(statesByCode.get(code.toUpperCase(Locale.ROOT)));
    }

    /** Every county in FIPS order. */
    public List<CountyShape> counties() {
        return List.copyOf(countiesByFips.values());
    }

    public List<CountyShape> countiesOf(String stateCode) {
        String code = stateCode.toUpperCase(Locale.ROOT);
        return countiesByFips.values().stream().filter(c -> c.stateCode().equals(code)).toList();
    }

    public Optional<CountyShape> county(String fips) {
        return Optional.ofNullable(countiesByFips.get(fips));
    }

    // The converter writes only M (absolute), l (relative pairs), h, v and z; numbers may run
    // together ("1.2.5" is 1.2 then .5, "3-1" is 3 then -1), as SVG allows.
    private static final Pattern TOKEN = Pattern.compile("[MlhvzZ]|-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");

    /** The box around an SVG path of the converter's commands. */
    static Box bounds(String d) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        double x = 0, y = 0;
        char command = 'M';
        int coordinate = 0;
        Matcher m = TOKEN.matcher(d);
        while (m.find()) {
            String token = m.group();
            char first = token.charAt(0);
            if (Character.isLetter(first)) {
                command = first;
                coordinate = 0;
                continue;
            }
            double n = Double.parseDouble(token);
            switch (command) {
                case 'M' -> {
                    if (coordinate++ % 2 == 0) {
                        x = n;
                        continue;
                    }
                    y = n;
                }
                case 'l' -> {
                    if (coordinate++ % 2 == 0) {
                        x += n;
                        continue;
                    }
                    y += n;
                }
                case 'h' -> x += n;
                case 'v' -> y += n;
                default -> throw new IllegalStateException("unexpected number after '" + command + "' in a path");
            }
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        return new Box(minX, minY, maxX, maxY);
    }
}
