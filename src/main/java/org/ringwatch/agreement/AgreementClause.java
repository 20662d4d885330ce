package org.ringwatch.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the agreement says about one clause of the vocabulary: present, absent, struck or
 * unknown; a present or struck one with its quote cited to a page, and the figures it promises.
 */
@Entity
public class AgreementClause extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agreement_id")
    public Agreement agreement;

    /** A {@link ClauseTopic} code. */
    public String topic;
    /** A {@link Vocabulary.ClauseState} code. */
    public String state;
    public String quote;
    public Long documentId;
    public Integer pageNumber;
    /** {@link Figure} code → number. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, BigDecimal> figures = new LinkedHashMap<>();
    /** Who saved a quote the page's text did not contain, having read it on the page. */
    public Long checkedByEyeBy;

    public ClauseTopic topicEnum() {
        return Vocabulary.fromCode(ClauseTopic.class, topic).orElseThrow();
    }

    public Vocabulary.ClauseState stateEnum() {
        return Vocabulary.fromCode(Vocabulary.ClauseState.class, state).orElseThrow();
    }
}
