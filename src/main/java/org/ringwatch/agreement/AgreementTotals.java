package org.ringwatch.agreement;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.ringwatch.agreement.Vocabulary.ClauseState;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts across the published agreements: how many have each clause in each state (how many
 * struck confidentiality) and what their figures add up to (devices donated, dollars pledged).
 * Two grouped queries over all of them, whatever their number; drafts never count, since what
 * is counted is shown to the public. Each count can be opened as the list of agreements behind
 * it ({@link #agreementsWith}).
 */
@ApplicationScoped
public class AgreementTotals {

    private static final Map<String, Figure> FIGURES = Arrays.stream(Figure.values())
            .collect(Collectors.toUnmodifiableMap(Figure::code, Function.identity()));

    /** How many published agreements have {@code topic} in {@code state}. */
    @TemplateData
    public record ClauseCount(ClauseTopic topic, ClauseState state, long agreements) {
    }

    /** The sum of one figure over the present clauses of published agreements, and how many agreements gave it. */
    @TemplateData
    public record FigureSum(Figure figure, BigDecimal total, long agreements) {
    }

    /**
     * The counts that are not zero, clauses in the vocabulary's order and then by state, figures
     * in theirs; {@link #agreements} and {@link #figure} answer zero for the others.
     */
    @TemplateData
    public record Totals(List<ClauseCount> clauses, List<FigureSum> figures) {

        public long agreements(ClauseTopic topic, ClauseState state) {
            return clauses.stream().filter(count -> count.topic() == topic && count.state() == state)
                    .mapToLong(ClauseCount::agreements).findFirst().orElse(0);
        }

        public FigureSum figure(Figure figure) {
            return figures.stream().filter(sum -> sum.figure() == figure).findFirst()
                    .orElse(new FigureSum(figure, BigDecimal.ZERO, 0));
        }
    }

    private final EntityManager em;

    public AgreementTotals(EntityManager em) {
        this.em = em;
    }

    public Totals totals() {
        return new Totals(clauseCounts(), figureSums());
    }

    /** The ids of the published agreements behind one clause count, in id order. */
    public List<Long> agreementsWith(ClauseTopic topic, ClauseState state) {
        List<?> ids = em.createNativeQuery("""
                SELECT a.id FROM agreement a JOIN agreement_clause c ON c.agreement_id = a.id
                 WHERE\s""" + AgreementAccess.PUBLIC + """
                   AND c.topic = :topic AND c.state = :state
                 ORDER BY a.id
                """).setParameter("topic", topic.code()).setParameter("state", state.code()).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    // An agreement has at most one clause per topic (UNIQUE), so counting rows counts agreements.
    private List<ClauseCount> clauseCounts() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                SELECT c.topic, c.state, count(*) AS agreements
                  FROM agreement_clause c JOIN agreement a ON a.id = c.agreement_id
                 WHERE\s""" + AgreementAccess.PUBLIC + """
                 GROUP BY c.topic, c.state
                """, Tuple.class).getResultList();
        List<ClauseCount> counts = new ArrayList<>();
        for (Tuple row : rows) {
            // A topic retired from the vocabulary is not counted rather than failing the page.
            Optional<ClauseTopic> topic = Vocabulary.fromCode(ClauseTopic.class, (String) row.get("topic"));
            ClauseState state = Vocabulary.fromCode(ClauseState.class, (String) row.get("state")).orElseThrow();
            topic.ifPresent(t -> counts.add(new ClauseCount(t, state, ((Number) row.get("agreements")).longValue())));
        }
        counts.sort(Comparator.comparing(ClauseCount::topic).thenComparing(ClauseCount::state));
        return List.copyOf(counts);
    }

    /**
     * Figures of present clauses only: a struck clause's devices were not given. Only numbers are
     * summed; the editor stores nothing else, and one stray value must not break the page.
     */
    private List<FigureSum> figureSums() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                SELECT f.key AS figure, sum(f.value::numeric) AS total, count(DISTINCT c.agreement_id) AS agreements
                  FROM agreement_clause c JOIN agreement a ON a.id = c.agreement_id
                 CROSS JOIN LATERAL jsonb_each(c.figures) f
                 WHERE\s""" + AgreementAccess.PUBLIC + """
                   AND c.state = 'present' AND jsonb_typeof(f.value) = 'number'
                 GROUP BY f.key
                """, Tuple.class).getResultList();
        List<FigureSum> sums = new ArrayList<>();
        for (Tuple row : rows) {
            Figure figure = FIGURES.get((String) row.get("figure"));
            if (figure != null) {
                sums.add(new FigureSum(figure, decimal(row.get("total")), ((Number) row.get("agreements")).longValue()));
            }
        }
        sums.sort(Comparator.comparing(FigureSum::figure));
        return List.copyOf(sums);
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }
}
