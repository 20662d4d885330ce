package org.ringwatch.browse;

import io.quarkus.qute.TemplateData;
import org.ringwatch.agency.AgencyScope;
import org.ringwatch.state.State;

import java.util.Optional;

/**
 * The place a statistics or timeline page or answer is about: the whole country, a state, or a
 * city of a state ({@code ?city=slug}), resolved once for the pages and the API alike.
 */
@TemplateData
public record Place(State state, AgencyScope scope) {

    public static Place national() {
        return new Place(null, AgencyScope.NATIONAL);
    }

    /** The state {@code code} (any case), narrowed to its city {@code citySlug} when given; empty when either is unknown. */
    public static Optional<Place> of(String code, String citySlug) {
        Optional<State> state = State.findByCode(code).filter(s -> !s.isFederal());
        if (state.isEmpty()) {
            return Optional.empty();
        }
        if (citySlug == null || citySlug.isBlank()) {
            return Optional.of(new Place(state.get(), AgencyScope.state(state.get().code)));
        }
        return AgencyScope.city(state.get().code, citySlug).map(scope -> new Place(state.get(), scope));
    }

    /** "the United States", "Oregon", "Port Varlow, Oregon". */
    public String name() {
        if (state == null) {
            return "the United States";
        }
        return scope.cityName() == null ? state.name : scope.cityName() + ", " + state.name;
    }
}
