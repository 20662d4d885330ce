package org.ringwatch.state;

import io.quarkus.qute.TemplateData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A jurisdiction's public-records law: who may ask, what the agency owes by when, where a
 * requester turns after a denial.
 *
 * <p>A null number of days means the law sets none ("promptly"); it is never 0.
 */
@TemplateData
@Entity
public class RecordsLaw extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "state_code", columnDefinition = "bpchar(2)")
    public String stateCode;

    public LocalDate effectiveFrom;
    public String lawName;
    public String citation;
    public String deadlineAsWritten;
    public String dayTypeAsWritten;
    public Integer firstDeadlineDays;
    public String firstDeadlineDayType;
    public Integer secondDeadlineDays;
    public String secondDeadlineDayType;
    public String whatIsDue;
    public String extension;
    public String administrativeAppeal;
    public String judicialReview;
    /** Null when anyone may ask. */
    public String requesterRestriction;
    @Column(columnDefinition = "bpchar(1)")
    public String confidence;
    public String notes;
    /** The second stage counts from the agency's first response, not from filing. */
    public boolean secondDeadlineFromAcknowledgment;
    /** A missed deadline counts as a denial, which opens an appeal. */
    public boolean missedDeadlineIsDenial;

    @ManyToOne(optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    /** The law in force now: the newest one already in effect. */
    public static Optional<RecordsLaw> currentFor(String stateCode) {
        return find("stateCode = ?1 and (effectiveFrom is null or effectiveFrom <= current_date)"
                + " order by effectiveFrom desc nulls last", stateCode).firstResultOptional();
    }

    public boolean hasStatutoryDeadline() {
        return firstDeadlineDays != null || secondDeadlineDays != null;
    }

    public boolean residentsOnly() {
        return requesterRestriction != null;
    }

    /** "10 business days", "7 calendar days", or null when that stage has no number of days. */
    public String firstDeadline() {
        return days(firstDeadlineDays, firstDeadlineDayType);
    }

    public String secondDeadline() {
        return days(secondDeadlineDays, secondDeadlineDayType);
    }

    public boolean wellDocumented() {
        return "H".equals(confidence);
    }

    private static String days(Integer days, String type) {
        if (days == null) {
            return null;
        }
        return days + " " + type + (days == 1 ? " day" : " days");
    }
}
