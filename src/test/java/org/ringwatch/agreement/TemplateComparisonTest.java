package org.ringwatch.agreement;

import org.junit.jupiter.api.Test;
import org.ringwatch.agreement.TemplateComparison.Outcome;
import org.ringwatch.agreement.TemplateComparison.Row;
import org.ringwatch.agreement.Vocabulary.ClauseState;
import org.ringwatch.agreement.WordDiff.Op;
import org.ringwatch.agreement.WordDiff.Segment;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringwatch.agreement.ClauseTopic.AGENCY_PROMOTES_APP;
import static org.ringwatch.agreement.ClauseTopic.CONFIDENTIALITY;
import static org.ringwatch.agreement.ClauseTopic.DESIGNATED_ROLES;
import static org.ringwatch.agreement.ClauseTopic.FREE_DEVICES;
import static org.ringwatch.agreement.ClauseTopic.TERM;
import static org.ringwatch.agreement.ClauseTopic.TERMINATION;
import static org.ringwatch.agreement.ClauseTopic.VENDOR_APPROVES_STATEMENTS;
import static org.ringwatch.agreement.ClauseTopic.VIDEO_RETENTION;

class TemplateComparisonTest {

    // A fictional town's MOU, in the structure of the 2018–2019 copies (design.md §1a).
    private static final String CONFIDENTIAL =
            "Unless required by law, the City of Port Varlow shall keep the terms of the program confidential.";
    private static final String PROMOTES = "The Department will engage the community to encourage adoption of "
            + "the Neighbors app, including through its social media channels.";
    private static final String APPROVES = "The Department shall not issue any statement regarding Ring "
            + "without Ring's prior written approval.";
    private static final String DEVICES = "Ring will donate fifteen (15) Ring Video Doorbells to the Department.";

    @Test
    void shouldFindTheClausesACopyStruck() {
        TemplateComparison comparison = TemplateComparison.of(
                List.of(present(CONFIDENTIALITY, CONFIDENTIAL)),
                List.of(clause(CONFIDENTIALITY, ClauseState.STRUCK, CONFIDENTIAL),
                        clause(VENDOR_APPROVES_STATEMENTS, ClauseState.STRUCK, APPROVES)));

        assertEquals(List.of(VENDOR_APPROVES_STATEMENTS, CONFIDENTIALITY), topics(comparison));
        assertEquals(2, comparison.count(Outcome.STRUCK_HERE));
        Row confidentiality = comparison.rows().get(1);
        assertTrue(confidentiality.diff().same(), "what was struck is the template's wording");
        Row approval = comparison.rows().get(0);
        assertNull(approval.template(), "struck whatever the template says, even when it says nothing");
        assertNull(approval.diff());
    }

    @Test
    void shouldFindTheSameClauseDespiteLineBreaksCaseAndLigatures() {
        String asScanned = "UNLESS REQUIRED BY LAW, the City of Port Varlow shall keep\nthe terms of the program conﬁdential.";

        TemplateComparison comparison = TemplateComparison.of(
                List.of(present(CONFIDENTIALITY, CONFIDENTIAL), clause(TERM, ClauseState.ABSENT, null)),
                List.of(present(CONFIDENTIALITY, asScanned), clause(TERM, ClauseState.ABSENT, null)));

        assertEquals(List.of(Outcome.SAME, Outcome.SAME), outcomes(comparison));
        assertEquals(asScanned, comparison.rows().get(0).here().quote());
        assertTrue(comparison.rows().get(0).diff().same());
        assertNull(comparison.rows().get(1).diff(), "both absent: nothing to diff");
    }

    @Test
    void shouldCarryTheDiffOfAClauseWordedDifferently() {
        String variant = "Unless required by law, the City of Port Varlow shall keep the terms of this agreement "
                + "confidential for two years.";

        TemplateComparison comparison = TemplateComparison.of(
                List.of(present(CONFIDENTIALITY, CONFIDENTIAL)), List.of(present(CONFIDENTIALITY, variant)));

        Row row = comparison.rows().get(0);
        assertEquals(Outcome.DIFFERS, row.outcome());
        assertEquals(1, comparison.count(Outcome.DIFFERS));
        assertEquals(List.of(
                new Segment(Op.EQUAL, "Unless required by law, the City of Port Varlow shall keep the terms of "),
                new Segment(Op.DELETED, "the program"),
                new Segment(Op.INSERTED, "this agreement"),
                new Segment(Op.EQUAL, " confidential"),
                new Segment(Op.INSERTED, " for two years"),
                new Segment(Op.EQUAL, ".")), row.diff().segments());
    }

    @Test
    void shouldFindClausesOnlyInThisCopyWhateverTheTemplateLacks() {
        TemplateComparison comparison = TemplateComparison.of(
                List.of(clause(AGENCY_PROMOTES_APP, ClauseState.ABSENT, null),
                        clause(VENDOR_APPROVES_STATEMENTS, ClauseState.UNKNOWN, null)),
                List.of(present(AGENCY_PROMOTES_APP, PROMOTES), present(VENDOR_APPROVES_STATEMENTS, APPROVES),
                        present(FREE_DEVICES, DEVICES)));

        assertEquals(List.of(AGENCY_PROMOTES_APP, VENDOR_APPROVES_STATEMENTS, FREE_DEVICES), topics(comparison));
        assertEquals(3, comparison.count(Outcome.ONLY_HERE));
        assertNull(comparison.rows().get(2).template(), "the template is silent on free devices");
        assertTrue(comparison.rows().stream().allMatch(row -> row.diff() == null));
    }

    @Test
    void shouldFindClausesMissingFromThisCopyEvenWhenTheTemplateStruckThem() {
        TemplateComparison comparison = TemplateComparison.of(
                List.of(present(AGENCY_PROMOTES_APP, PROMOTES), clause(CONFIDENTIALITY, ClauseState.STRUCK, CONFIDENTIAL)),
                List.of(clause(AGENCY_PROMOTES_APP, ClauseState.ABSENT, null),
                        clause(CONFIDENTIALITY, ClauseState.ABSENT, null)));

        assertEquals(List.of(Outcome.MISSING_HERE, Outcome.MISSING_HERE), outcomes(comparison));
        assertEquals(2, comparison.count(Outcome.MISSING_HERE));
    }

    @Test
    void shouldTellAClauseNotRecordedFromAMissingOne() {
        TemplateComparison comparison = TemplateComparison.of(
                List.of(present(AGENCY_PROMOTES_APP, PROMOTES), present(CONFIDENTIALITY, CONFIDENTIAL)),
                List.of(clause(CONFIDENTIALITY, ClauseState.UNKNOWN, null)));

        assertEquals(List.of(Outcome.NOT_RECORDED_HERE, Outcome.NOT_RECORDED_HERE), outcomes(comparison));
        assertNull(comparison.rows().get(0).here(), "silent on the app");
        assertEquals(0, comparison.count(Outcome.MISSING_HERE));
    }

    @Test
    void shouldLeaveOutClausesNeitherSideKnowsAbout() {
        TemplateComparison comparison = TemplateComparison.of(
                List.of(clause(TERM, ClauseState.UNKNOWN, null), clause(TERMINATION, ClauseState.UNKNOWN, null),
                        clause(DESIGNATED_ROLES, ClauseState.STRUCK, "The Department shall designate a press coordinator.")),
                List.of(clause(TERM, ClauseState.UNKNOWN, null), clause(TERMINATION, ClauseState.ABSENT, null),
                        clause(VIDEO_RETENTION, ClauseState.UNKNOWN, null),
                        clause(DESIGNATED_ROLES, ClauseState.STRUCK, "The Department shall designate a press coordinator.")));

        assertEquals(List.of(DESIGNATED_ROLES), topics(comparison), "only the struck clause says something");
        assertEquals(0, TemplateComparison.of(List.of(), List.of()).rows().size());
    }

    @Test
    void shouldListRowsInTheVocabularysOrderWhateverTheInputOrder() {
        TemplateComparison comparison = TemplateComparison.of(
                List.of(present(FREE_DEVICES, DEVICES), present(AGENCY_PROMOTES_APP, PROMOTES)),
                List.of(present(CONFIDENTIALITY, CONFIDENTIAL), present(FREE_DEVICES, DEVICES),
                        present(AGENCY_PROMOTES_APP, PROMOTES)));

        assertEquals(List.of(AGENCY_PROMOTES_APP, CONFIDENTIALITY, FREE_DEVICES), topics(comparison));
        assertEquals(List.of(Outcome.SAME, Outcome.ONLY_HERE, Outcome.SAME), outcomes(comparison));
        assertSame(Outcome.SAME, Vocabulary.fromCode(Outcome.class, "same").orElseThrow());
        assertNotNull(Outcome.NOT_RECORDED_HERE.label());
    }

    @Test
    void shouldRefuseTwoClausesOnOneTopic() {
        List<ClauseText> twice = List.of(present(CONFIDENTIALITY, CONFIDENTIAL), clause(CONFIDENTIALITY,
                ClauseState.ABSENT, null));

        assertThrows(IllegalArgumentException.class, () -> TemplateComparison.of(twice, List.of()));
    }

    private static ClauseText present(ClauseTopic topic, String quote) {
        return clause(topic, ClauseState.PRESENT, quote);
    }

    private static ClauseText clause(ClauseTopic topic, ClauseState state, String quote) {
        return new ClauseText(topic, state, quote);
    }

    private static List<ClauseTopic> topics(TemplateComparison comparison) {
        return comparison.rows().stream().map(Row::topic).toList();
    }

    private static List<Outcome> outcomes(TemplateComparison comparison) {
        return comparison.rows().stream().map(Row::outcome).toList();
    }
}
