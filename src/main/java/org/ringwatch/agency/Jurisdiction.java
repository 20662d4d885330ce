package org.ringwatch.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.math.BigDecimal;

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
}
