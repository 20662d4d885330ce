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
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One dated fact about an agency's Ring partnership (went live on the portal, agreement signed,
 * council approval, announced, ended), with its precision and its source.
 */
@Entity
public class PartnershipFact extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    /** portal_active, agreement_signed, council_approval, announced or ended. */
    public String kind;
    /** For month or year precision, the first day of that month or year. */
    public LocalDate occurredOn;
    /** day, month or year. */
    public String precision;

    @ManyToOne(optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    /** The fact's id in its source, e.g. the Atlas's "AOS3711". */
    public String sourceRecord;
    /** The source's own sentence for the fact. */
    public String statement;
    public OffsetDateTime createdAt;

    public static List<PartnershipFact> forAgency(Agency agency) {
        return list("from PartnershipFact f join fetch f.source where f.agency = ?1 order by f.occurredOn, f.id", agency);
    }

    public PartialDate date() {
        return new PartialDate(occurredOn, precision);
    }
}
