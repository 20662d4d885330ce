package org.ringwatch.agreement;

import org.junit.jupiter.api.Test;
import org.ringwatch.agreement.WordDiff.Op;
import org.ringwatch.agreement.WordDiff.Segment;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordDiffTest {

    private static final String TEMPLATE =
            "Unless required by law, the City of Port Varlow shall keep the terms of the program confidential.";

    @Test
    void shouldFindNoChangeInTheSameQuote() {
        WordDiff diff = WordDiff.of(TEMPLATE, TEMPLATE);

        assertTrue(diff.same());
        assertEquals(List.of(new Segment(Op.EQUAL, TEMPLATE)), diff.segments());
    }

    @Test
    void shouldMarkExactlyTheChangedWords() {
        String here = "Unless required by law, the City of Port Varlow may keep the terms of the pilot confidential.";

        WordDiff diff = WordDiff.of(TEMPLATE, here);

        assertFalse(diff.same());
        assertEquals(List.of(
                new Segment(Op.EQUAL, "Unless required by law, the City of Port Varlow "),
                new Segment(Op.DELETED, "shall"),
                new Segment(Op.INSERTED, "may"),
                new Segment(Op.EQUAL, " keep the terms of the "),
                new Segment(Op.DELETED, "program"),
                new Segment(Op.INSERTED, "pilot"),
                new Segment(Op.EQUAL, " confidential.")), diff.segments());
    }

    @Test
    void shouldMarkAddedAndRemovedPhrasesAsOneSegmentEach() {
        String template = "Ring will provide the Neighbors Portal to the Department free of charge.";
        String here = "Ring will provide the Neighbors Portal and 15 Ring Video Doorbells to the Department.";

        WordDiff diff = WordDiff.of(template, here);

        assertEquals(List.of("and 15 Ring Video Doorbells "), texts(diff, Op.INSERTED));
        assertEquals(List.of(" free of charge"), texts(diff, Op.DELETED));
    }

    @Test
    void shouldNotCountLineBreaksCaseCurlyQuotesOrLigaturesAsChanges() {
        String template = "The Department shall not issue any statement about Ring's \"Neighbors\" app "
                + "without first obtaining Ring's written approval.";
        String here = "THE DEPARTMENT shall not issue any statement about Ring\u2019s \u201cNeighbors\u201d app\n"
                + "without ﬁrst   obtaining Ring\u2019s written approval.";

        WordDiff diff = WordDiff.of(template, here);

        assertTrue(diff.same(), () -> diff.segments().toString());
        assertEquals(here, diff.segments().get(0).text(), "the copy's own text is shown");
    }

    @Test
    void shouldShowAChangedPunctuationMark() {
        WordDiff diff = WordDiff.of("Ring will train the Department's coordinators.",
                "Ring will train the Department's coordinators;");

        assertEquals(List.of("."), texts(diff, Op.DELETED));
        assertEquals(List.of(";"), texts(diff, Op.INSERTED));
    }

    @Test
    void shouldReassembleBothQuotesFromTheSegments() {
        String template = "Ring shall credit $10 towards these free Ring cameras for each qualifying download.";
        String here = "Ring shall credit $5 towards free Ring cameras for every qualifying download of the app.";

        WordDiff diff = WordDiff.of(template, here);

        assertEquals(here, join(diff, Op.EQUAL, Op.INSERTED));
        assertEquals(template, join(diff, Op.EQUAL, Op.DELETED));
        for (int i = 1; i < diff.segments().size(); i++) {
            assertFalse(diff.segments().get(i).op() == diff.segments().get(i - 1).op(), "neighbours are merged");
        }
    }

    @Test
    void shouldTreatAMissingQuoteAsEmpty() {
        WordDiff diff = WordDiff.of(null, "The agency will encourage adoption of the app.");

        assertEquals(List.of(new Segment(Op.INSERTED, "The agency will encourage adoption of the app.")),
                diff.segments());
        assertTrue(WordDiff.of(null, "  ").same());
    }

    private static List<String> texts(WordDiff diff, Op op) {
        return diff.segments().stream().filter(segment -> segment.op() == op).map(Segment::text).toList();
    }

    private static String join(WordDiff diff, Op... ops) {
        List<Op> wanted = List.of(ops);
        return diff.segments().stream().filter(segment -> wanted.contains(segment.op())).map(Segment::text)
                .collect(Collectors.joining());
    }
}
