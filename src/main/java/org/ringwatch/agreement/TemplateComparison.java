package org.ringwatch.agreement;

import io.quarkus.qute.TemplateData;
import org.ringwatch.agreement.Vocabulary.ClauseState;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One copy of an agreement set beside its kind's template, clause by clause: which clauses it
 * struck, left out or worded differently. Pure logic over the clauses both sides recorded, so
 * pages and the API compare the same way. A clause a side is silent on counts as unknown: the
 * editor not recording a clause is not evidence that the paper lacks it.
 */
@TemplateData
public final class TemplateComparison {

    /** How this copy's clause stands against the template's. */
    @TemplateData
    public enum Outcome implements Vocabulary.Coded {
        STRUCK_HERE("Struck out in this copy"),
        SAME("Same as the template"),
        DIFFERS("Worded differently"),
        ONLY_HERE("Only in this copy"),
        MISSING_HERE("Missing from this copy"),
        NOT_RECORDED_HERE("Not recorded for this copy");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /**
     * One clause compared. {@code template} and {@code here} are null where that side is silent;
     * {@code diff} is there whenever both sides quote the clause (so also for a struck one).
     */
    @TemplateData
    public record Row(ClauseTopic topic, Outcome outcome, ClauseText template, ClauseText here, WordDiff diff) {
    }

    private final List<Row> rows;

    private TemplateComparison(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Compares {@code here} with {@code template}; each list holds at most one clause per topic. */
    public static TemplateComparison of(List<ClauseText> template, List<ClauseText> here) {
        Map<ClauseTopic, ClauseText> templateClauses = byTopic(template);
        Map<ClauseTopic, ClauseText> hereClauses = byTopic(here);
        List<Row> rows = new ArrayList<>();
        for (ClauseTopic topic : ClauseTopic.values()) {
            ClauseText templateClause = templateClauses.get(topic);
            ClauseText hereClause = hereClauses.get(topic);
            WordDiff diff = quoted(templateClause) && quoted(hereClause)
                    ? WordDiff.of(templateClause.quote(), hereClause.quote())
                    : null;
            Outcome outcome = outcome(state(templateClause), state(hereClause), diff);
            if (outcome != null) {
                rows.add(new Row(topic, outcome, templateClause, hereClause, diff));
            }
        }
        return new TemplateComparison(rows);
    }

    /** The clauses either side says anything about, in the vocabulary's order. */
    public List<Row> rows() {
        return rows;
    }

    public long count(Outcome outcome) {
        return rows.stream().filter(row -> row.outcome() == outcome).count();
    }

    /** Null when there is nothing to compare (both unknown, or only this copy's absence). */
    private static Outcome outcome(ClauseState template, ClauseState here, WordDiff diff) {
        // A struck template clause was still on the template's paper: it compares as there.
        boolean inTemplate = template.isQuoted();
        return switch (here) {
            case STRUCK -> Outcome.STRUCK_HERE;
            case PRESENT -> inTemplate ? (diff.same() ? Outcome.SAME : Outcome.DIFFERS) : Outcome.ONLY_HERE;
            case ABSENT -> inTemplate ? Outcome.MISSING_HERE : template == ClauseState.ABSENT ? Outcome.SAME : null;
            case UNKNOWN -> inTemplate ? Outcome.NOT_RECORDED_HERE : null;
        };
    }

    private static Map<ClauseTopic, ClauseText> byTopic(List<ClauseText> clauses) {
        Map<ClauseTopic, ClauseText> byTopic = new EnumMap<>(ClauseTopic.class);
        for (ClauseText clause : clauses) {
            if (byTopic.put(clause.topic(), clause) != null) {
                throw new IllegalArgumentException("Two clauses on " + clause.topic().code());
            }
        }
        return byTopic;
    }

    private static ClauseState state(ClauseText clause) {
        return clause == null ? ClauseState.UNKNOWN : clause.state();
    }

    private static boolean quoted(ClauseText clause) {
        return clause != null && clause.state().isQuoted();
    }
}
