package org.ringwatch.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.ringwatch.state.Source;

import java.time.LocalDate;
import java.util.List;

/** Records about an agency published elsewhere: DocumentCloud projects, city pages, press. */
@Entity
public class AgencyLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    public String url;
    public String publisher;
    /** The document's own date, not a partnership date. */
    public LocalDate dated;

    @ManyToOne(optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    public static List<AgencyLink> forAgency(Agency agency) {
        return list("agency = ?1 order by dated nulls last, id", agency);
    }
}
