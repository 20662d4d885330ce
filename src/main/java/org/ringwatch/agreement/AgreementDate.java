package org.ringwatch.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.ringwatch.agency.PartialDate;

import java.time.LocalDate;

/** One of an agreement's dates ({@link Vocabulary.DateKind}), to its precision, cited to a page. */
@Entity
public class AgreementDate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agreement_id")
    public Agreement agreement;

    public String kind;
    public LocalDate occurredOn;
    /** day, month or year; a month- or year-precise date is stored as its first day. */
    public String precision;
    public Long documentId;
    public Integer pageNumber;

    public PartialDate partial() {
        return new PartialDate(occurredOn, precision);
    }

    public Vocabulary.DateKind kindEnum() {
        return Vocabulary.fromCode(Vocabulary.DateKind.class, kind).orElseThrow();
    }
}
