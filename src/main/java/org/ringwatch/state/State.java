package org.ringwatch.state;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.ringwatch.api.ApiProblem;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The federal government, a state or DC: a jurisdiction with its own public-records law. */
@Entity
public class State extends PanacheEntityBase {

    @Id
    @Column(columnDefinition = "bpchar(2)")
    public String code;

    public String name;

    /** federal, state or district. */
    public String kind;

    /** Accepts "ny" as well as "NY": codes in URLs are written in lower case. */
    /**
     * The {@code state} query parameter of a list: the USPS code of a state or DC, any case (no
     * agency is federal, so US is refused rather than answered with nothing); null when absent;
     * otherwise a 400 naming it.
     */
    public static String parameter(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return findByCode(raw.strip()).filter(s -> !s.isFederal()).map(s -> s.code).orElseThrow(() -> ApiProblem
                .badParameter("state", "state '" + raw + "' is not the USPS code of a state or DC"));
    }

    public static Optional<State> findByCode(String code) {
        if (code == null || !code.matches("[A-Za-z]{2}")) {
            return Optional.empty();
        }
        return findByIdOptional(code.toUpperCase(Locale.ROOT));
    }

    /** The 50 states and DC, by name; the federal FOIA is not a place agencies sit in. */
    public static List<State> places() {
        return list("kind <> 'federal' order by name");
    }

    /** The federal FOIA, when the seed has loaded it. */
    public static Optional<State> federal() {
        return findByIdOptional("US");
    }

    /** All 52 jurisdictions: the federal FOIA first, then the states and DC by name. */
    public static List<State> federalFirst() {
        return list("order by case when kind = 'federal' then 0 else 1 end, name");
    }

    public boolean isFederal() {
        return "federal".equals(kind);
    }

    public String urlCode() {
        return code.toLowerCase(Locale.ROOT);
    }
}
