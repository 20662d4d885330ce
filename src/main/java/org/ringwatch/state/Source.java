package org.ringwatch.state;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Where a fact comes from, with the credit and licence its publisher asks for. */
@Entity
public class Source extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Null for a compilation with no single address. */
    public String url;
    public String title;
    public String publisher;
    public String licence;
    /** The snapshot or retrieval date, as the source gives it. */
    public String retrieved;
}
