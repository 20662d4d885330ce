package org.ringwatch.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.ringwatch.account.Account;
import org.ringwatch.agency.Agency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A public-records request a volunteer files with an agency. Its status moves only through
 * logged events ({@link RequestEvent}); what is due, and whether it is late, is computed from the
 * state's law every time, never stored.
 */
@Entity
@Table(name = "records_request")
public class RecordsRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @ManyToOne(optional = false)
    @JoinColumn(name = "requester_id")
    public Account requester;

    public String title;
    public String recordsSought;
    public String letterText;
    public String status;
    public LocalDate filedOn;
    /** Until this date only the requester and moderators see the request; then it publishes itself. */
    public LocalDate embargoUntil;
    /** Never shown to anyone but the requester and moderators, in any representation. */
    public String privateNotes;
    public boolean feeWaiverRequested;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    public RequestStatus statusEnum() {
        return RequestStatus.fromCode(status).orElseThrow();
    }

    public boolean isDraft() {
        return statusEnum() == RequestStatus.DRAFT;
    }

    public boolean isEmbargoed(LocalDate today) {
        return embargoUntil != null && embargoUntil.isAfter(today);
    }

    public boolean isOwnedBy(Account account) {
        return account != null && requester.id.equals(account.id);
    }

    public static Optional<RecordsRequest> findWithAgency(long id) {
        return find("from RecordsRequest r join fetch r.agency join fetch r.requester where r.id = ?1", id)
                .firstResultOptional();
    }

    /** The account's own requests, with their agencies, for its dashboard. */
    public static List<RecordsRequest> ownedBy(Account account) {
        return list("from RecordsRequest r join fetch r.agency where r.requester = ?1", account);
    }

    /** The requests the account follows (its own included), with their agencies, whoever may see them now. */
    public static List<RecordsRequest> followedBy(Account account) {
        return list("""
                from RecordsRequest r join fetch r.agency
                where r.id in (select f.requestId from RequestFollower f where f.accountId = ?1)""", account.id);
    }

    /**
     * Every open request to the agency, whoever may see it: a new one is probably a duplicate.
     * Callers show it through {@code RequestViews.openTo}, which hides what the viewer may not see.
     */
    public static List<RecordsRequest> activeFor(Agency agency) {
        return list("from RecordsRequest r join fetch r.requester where r.agency = ?1 and r.status in ?2"
                + " order by r.createdAt", agency, RequestStatus.activeCodes());
    }
}
