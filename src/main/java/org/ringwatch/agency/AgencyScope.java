package org.ringwatch.agency;

import jakarta.persistence.Query;

import java.util.Locale;
import java.util.Optional;

/**
 * Which agencies a figure is drawn from: all of them, one state's, or one city's. A read model
 * adds {@link #condition} (agencies aliased {@code ag}) to its SQL and binds it with
 * {@link #bind}, so every figure scoped by place says "in this place" the same way.
 */
public record AgencyScope(String stateCode, Long cityId, String cityName) {

    public static final AgencyScope NATIONAL = new AgencyScope(null, null, null);

    public static AgencyScope state(String stateCode) {
        return new AgencyScope(stateCode.toUpperCase(Locale.ROOT), null, null);
    }

    /** The city {@code slug} of {@code stateCode}, if there is one. */
    public static Optional<AgencyScope> city(String stateCode, String slug) {
        String code = stateCode.toUpperCase(Locale.ROOT);
        return Jurisdiction.<Jurisdiction>find("stateCode = ?1 and kind = 'city' and slug = ?2", code, slug)
                .firstResultOptional().map(city -> new AgencyScope(code, city.id, city.name));
    }

    /** The SQL condition on agencies aliased {@code ag}. */
    public String condition() {
        if (cityId != null) {
            return "ag.city_id = :scope_city";
        }
        return stateCode != null ? "ag.state_code = :scope_state" : "TRUE";
    }

    public void bind(Query query) {
        if (cityId != null) {
            query.setParameter("scope_city", cityId);
        } else if (stateCode != null) {
            query.setParameter("scope_state", stateCode);
        }
    }
}
