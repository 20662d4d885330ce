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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One entry of a request's correspondence log: a letter sent, a reply received, a call, a note;
 * optionally the status it moved the request to. Files attach to entries (documents issue).
 */
@Entity
@Table(name = "request_event")
public class RequestEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id")
    public RecordsRequest request;

    public LocalDate occurredOn;
    /** sent, received or note. */
    public String direction;
    /** email, portal, mail, fax, phone, in_person; null for a note. */
    public String channel;
    public String subject;
    public String body;
    /** The status this entry moved the request to, if it did. */
    public String statusTo;
    public String exemptionCited;
    public BigDecimal feeQuoted;
    public BigDecimal feePaid;
    /** Seen only by the requester and moderators. */
    public boolean isPrivate;

    @ManyToOne(optional = false)
    @JoinColumn(name = "author_id")
    public Account author;

    public OffsetDateTime createdAt;

    public static List<RequestEvent> of(RecordsRequest request) {
        return list("from RequestEvent e join fetch e.author where e.request = ?1 order by e.occurredOn, e.id", request);
    }

    /** Received from the agency: only such an entry brings files the agency sent. */
    public boolean isFromAgency() {
        return "received".equals(direction);
    }

    public RequestStatus statusToEnum() {
        return statusTo == null ? null : RequestStatus.fromCode(statusTo).orElseThrow();
    }
}
