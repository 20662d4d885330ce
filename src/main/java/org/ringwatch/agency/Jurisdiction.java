package org.ringwatch.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.ringwatch.platform.Names;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** A city or county of a state. Names are stored NFC; slugs are unique within the state. */
@Entity
public class Jurisdiction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "state_code", columnDefinition = "bpchar(2)")
    public String stateCode;

    /** city or county. */
    public String kind;
    public String name;
    public String slug;
    public String geoid;
    public Integer population;
    public BigDecimal latitude;
    public BigDecimal longitude;

    public static Optional<Jurisdiction> findCity(String stateCode, String slug) {
        return find("stateCode = ?1 and kind = 'city' and slug = ?2", stateCode.toUpperCase(Locale.ROOT), slug)
                .firstResultOptional();
    }

    /** By name, whichever Unicode form it is written in ("Cañon City" composed or decomposed). */
    public static Optional<Jurisdiction> findCityByName(String stateCode, String name) {
        return find("stateCode = ?1 and kind = 'city' and name = ?2", stateCode.toUpperCase(Locale.ROOT),
                Names.clean(name)).firstResultOptional();
    }
}
