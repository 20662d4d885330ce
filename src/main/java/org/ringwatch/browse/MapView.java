package org.ringwatch.browse;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.NotFoundException;
import org.ringwatch.agency.Boundaries;
import org.ringwatch.agency.Boundaries.CountyShape;
import org.ringwatch.agency.Boundaries.StateShape;
import org.ringwatch.agreement.CountyFigures.Figure;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a map page draws: the shapes with their links, names and shading, and the same figures
 * as a table. Built from the boundaries and the county figures, so the SVG and its text
 * alternative cannot disagree.
 */
@TemplateData
public record MapView(String viewBox, String label, List<StateArea> states, List<CountyArea> counties,
        List<Shade> legend) {

    /** Shading steps by number of partner agencies; the last is open-ended. */
    static final List<Shade> SHADES = List.of(new Shade("s0", 0, 0), new Shade("s1", 1, 1), new Shade("s2", 2, 3),
            new Shade("s3", 4, 9), new Shade("s4", 10, Long.MAX_VALUE));

    /** One step of the legend. */
    @TemplateData
    public record Shade(String cssClass, long from, long to) {

        public String label() {
            if (to == Long.MAX_VALUE) {
                return from + " or more partner agencies";
            }
            if (from == to) {
                return from == 0 ? "no partner agency" : from + " partner agency";
            }
            return from + " to " + to + " partner agencies";
        }

        boolean holds(long n) {
            return n >= from && n <= to;
        }
    }

    /** A state outline, linking to its own map. */
    @TemplateData
    public record StateArea(String code, String name, String d) {

        public String href() {
            return "/states/" + code.toLowerCase() + "/map";
        }

        public String accessibleName() {
            return name + ": map of its counties";
        }
    }

    /** A county shape, linking to its agencies, shaded by how many there are. */
    @TemplateData
    public record CountyArea(String fips, String stateCode, String name, String d, long agencies, long obtained) {

        public String href() {
            return "/states/" + stateCode.toLowerCase() + "/counties/" + fips;
        }

        public boolean agreementObtained() {
            return obtained > 0;
        }

        public String cssClass() {
            String shade = SHADES.stream().filter(s -> s.holds(agencies)).findFirst().orElseThrow().cssClass();
            return "county " + shade + (agreementObtained() ? " obtained" : "");
        }

        public String accessibleName() {
            String count = agencies == 0 ? "no partner agency"
                    : agencies + (agencies == 1 ? " partner agency" : " partner agencies");
            String agreements = obtained == 0 ? "" : ", " + obtained + " with an agreement obtained";
            return name + ", " + stateCode + ": " + count + agreements;
        }
    }

    /** The counties of the table beside the map: those with a partner agency, most first. */
    public List<CountyArea> withAgencies() {
        return counties.stream().filter(c -> c.agencies() > 0)
                .sorted(Comparator.comparingLong(CountyArea::agencies).reversed().thenComparing(CountyArea::stateCode)
                        .thenComparing(CountyArea::name))
                .toList();
    }

    /** The state of a URL's code, DC included (the federal "US" has no map); an unknown one is not found. */
    static StateShape stateOf(String code) {
        if (!code.matches("[A-Za-z]{2}")) {
            throw new NotFoundException();
        }
        return Boundaries.us().state(code).orElseThrow(NotFoundException::new);
    }

    /** The United States: every state and every county. */
    static MapView national(Boundaries boundaries, Map<String, Figure> figures) {
        return new MapView(boundaries.box().viewBox(0.005),
                "Map of the United States: counties shaded by Ring partner agencies",
                boundaries.states().stream().map(s -> new StateArea(s.code(), s.name(), s.d())).toList(),
                counties(boundaries.counties(), figures), SHADES);
    }

    /** One state's counties, zoomed to the state's outline. */
    static MapView state(Boundaries boundaries, StateShape state, Map<String, Figure> figures) {
        return new MapView(state.box().viewBox(0.02),
                "Map of " + state.name() + ": counties shaded by Ring partner agencies",
                List.of(), counties(boundaries.countiesOf(state.code()), figures), SHADES);
    }

    // Counties with an agreement last, so their outline is drawn over their neighbours'.
    private static List<CountyArea> counties(List<CountyShape> shapes, Map<String, Figure> figures) {
        return shapes.stream().map(c -> {
            Figure f = figures.getOrDefault(c.fips(), Figure.NONE);
            return new CountyArea(c.fips(), c.stateCode(), c.label(), c.d(), f.agencies(), f.obtained());
        }).sorted(Comparator.comparing(CountyArea::agreementObtained)).toList();
    }
}
