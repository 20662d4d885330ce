package org.ringwatch.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.ringwatch.account.Account;
import org.ringwatch.agency.Agency;
import org.ringwatch.document.Document;
import org.ringwatch.request.RecordsRequest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An agreement between an agency and Ring (or its partners) as its documents show it: parties,
 * kind, dates, signatories and clauses, every statement cited to a page of one of its
 * {@link #evidence} documents. A draft is private to its author and moderators until a moderator
 * publishes it; who sees what is {@link AgreementAccess}'s decision.
 */
@Entity
public class Agreement extends PanacheEntityBase {

    /** A list's agreements load their dates, clauses, signatories and evidence this many at a time, not one by one. */
    static final int LIST_BATCH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    /** The records request its evidence came from, when there is one. */
    @ManyToOne
    @JoinColumn(name = "request_id")
    public RecordsRequest request;

    /** A {@link Vocabulary.Kind} code. */
    public String kind;
    public String title;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> programNames = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> publicParties = new ArrayList<>();
    /** {@link Vocabulary.Counterparty} codes. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> counterparties = new ArrayList<>();
    /** The counterparty's name when it is "other". */
    public String counterpartyOther;
    public String execution;
    public String approvalBody;
    public Integer votesFor;
    public Integer votesAgainst;
    public String endReason;
    /** draft or published. */
    public String visibility;
    public boolean isTemplate;

    @ManyToOne(optional = false)
    @JoinColumn(name = "created_by")
    public Account createdBy;
    public OffsetDateTime createdAt;
    public Long updatedBy;
    public OffsetDateTime updatedAt;
    public Long publishedBy;
    public OffsetDateTime publishedAt;

    @BatchSize(size = LIST_BATCH)
    @ManyToMany
    @JoinTable(name = "agreement_document", joinColumns = @JoinColumn(name = "agreement_id"),
            inverseJoinColumns = @JoinColumn(name = "document_id"))
    @OrderBy("id")
    public List<Document> evidence = new ArrayList<>();

    @BatchSize(size = LIST_BATCH)
    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("kind")
    public List<AgreementDate> dates = new ArrayList<>();

    @BatchSize(size = LIST_BATCH)
    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("ordinal")
    public List<AgreementSignatory> signatories = new ArrayList<>();

    @BatchSize(size = LIST_BATCH)
    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<AgreementClause> clauses = new ArrayList<>();

    public boolean isPublished() {
        return "published".equals(visibility);
    }

    public Vocabulary.Kind kindEnum() {
        return Vocabulary.fromCode(Vocabulary.Kind.class, kind).orElseThrow();
    }

    public Optional<AgreementDate> date(Vocabulary.DateKind kind) {
        return dates.stream().filter(date -> date.kind.equals(kind.code())).findFirst();
    }

    public Optional<AgreementClause> clause(ClauseTopic topic) {
        return clauses.stream().filter(clause -> clause.topic.equals(topic.code())).findFirst();
    }

    /** The published template of this agreement's kind, if a moderator has marked one. */
    public static Optional<Agreement> templateOf(String kind) {
        return find("kind = ?1 and isTemplate = true", kind).firstResultOptional();
    }

    public static List<Agreement> ofAgency(Agency agency) {
        return list("agency = ?1 order by id", agency);
    }
}
