package org.ringwatch.agreement;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeltaType;
import io.quarkus.qute.TemplateData;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a copy's quote of a clause changed from the template's, word by word, so that a page
 * can mark exactly the words that differ. Quotes come from OCR and from hand-typed transcripts:
 * a line break, a capital, a curly quote or an "ﬁ" ligature is not a change in the agreement,
 * so tokens are compared normalised (NFKC, straight quotes, one space, lower case), while the
 * segments carry the original text. The words are diffed (java-diff-utils' Myers diff), and the
 * text between them is compared too, so a changed comma shows. The EQUAL and INSERTED segments
 * put together give back this copy's quote (stripped), the EQUAL and DELETED ones the
 * template's but for what normalising ignores.
 */
@TemplateData
public record WordDiff(List<Segment> segments) {

    /** Letters and digits, with an apostrophe, hyphen, point or comma inside ("agency's", "$10,000"). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['\u2019.,\\-][\\p{L}\\p{M}\\p{N}]+)*");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** Where a piece of text is: in both copies, only in this copy, or only in the template. */
    @TemplateData
    public enum Op {
        EQUAL, INSERTED, DELETED;

        /** For a CSS class or JSON: "equal", "inserted", "deleted". */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A run of text with one {@link Op}; neighbouring segments never share one. */
    @TemplateData
    public record Segment(Op op, String text) {

        public boolean inserted() {
            return op == Op.INSERTED;
        }

        public boolean deleted() {
            return op == Op.DELETED;
        }
    }

    public WordDiff {
        segments = List.copyOf(segments);
    }

    /** {@code here} compared with {@code template}; a missing quote counts as empty. */
    public static WordDiff of(String template, String here) {
        Split source = Split.of(template);
        Split target = Split.of(here);
        // Words only: compared with the spaces between them as tokens, the diff would match
        // spaces rather than words (there are more of them) and scatter every change.
        List<String> sourceKeys = source.words().stream().map(WordDiff::key).toList();
        List<String> targetKeys = target.words().stream().map(WordDiff::key).toList();
        Builder builder = new Builder(source, target);
        for (AbstractDelta<String> delta : DiffUtils.diff(sourceKeys, targetKeys, true).getDeltas()) {
            Chunk<String> from = delta.getSource();
            Chunk<String> to = delta.getTarget();
            if (delta.getType() == DeltaType.EQUAL) {
                for (int k = 0; k < from.size(); k++) {
                    builder.same(from.getPosition() + k, to.getPosition() + k);
                }
            } else {
                for (int k = 0; k < from.size(); k++) {
                    builder.deleted(from.getPosition() + k);
                }
                for (int k = 0; k < to.size(); k++) {
                    builder.inserted(to.getPosition() + k);
                }
            }
        }
        return new WordDiff(builder.finish());
    }

    /** True when the two quotes have the same words, once normalised. */
    public boolean same() {
        return segments.stream().allMatch(segment -> segment.op() == Op.EQUAL);
    }

    /**
     * A quote's words and the text around them: {@code gaps.get(i)} comes before word i, the
     * last gap after the last word, so that joined they give back the (stripped) quote.
     */
    record Split(List<String> words, List<String> gaps) {

        static Split of(String text) {
            List<String> words = new ArrayList<>();
            List<String> gaps = new ArrayList<>();
            String stripped = text == null ? "" : text.strip();
            Matcher word = WORD.matcher(stripped);
            int at = 0;
            while (word.find()) {
                gaps.add(stripped.substring(at, word.start()));
                words.add(word.group());
                at = word.end();
            }
            gaps.add(stripped.substring(at));
            return new Split(words, gaps);
        }
    }

    /** What a token is compared by: compatibility forms folded (ligatures), quotes straightened, spaces collapsed. */
    static String key(String token) {
        String folded = Normalizer.normalize(token, Normalizer.Form.NFKC)
                .replaceAll("[\u2018\u2019\u201A\u201B\u2032]", "'")
                .replaceAll("[\u201C\u201D\u201E\u201F\u2033]", "\"")
                .replace("\u00AD", "");
        return SPACE.matcher(folded).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /**
     * Walks the two quotes along the words the diff matched. Between two matched words lies a
     * gap on each side (the text between them, with any words only one side has); each gap is
     * shown as its common start and end, equal, and the rest as deleted and inserted, so that the
     * spaces around a changed word are not marked as changed.
     */
    private static final class Builder {
        private final Split source;
        private final Split target;
        private final List<Segment> segments = new ArrayList<>();
        private final List<String> sourceGap = new ArrayList<>();
        private final List<String> targetGap = new ArrayList<>();

        Builder(Split source, Split target) {
            this.source = source;
            this.target = target;
            sourceGap.add(source.gaps().get(0));
            targetGap.add(target.gaps().get(0));
        }

        void same(int sourceWord, int targetWord) {
            flush();
            add(Op.EQUAL, target.words().get(targetWord));
            sourceGap.add(source.gaps().get(sourceWord + 1));
            targetGap.add(target.gaps().get(targetWord + 1));
        }

        void deleted(int sourceWord) {
            sourceGap.add(source.words().get(sourceWord));
            sourceGap.add(source.gaps().get(sourceWord + 1));
        }

        void inserted(int targetWord) {
            targetGap.add(target.words().get(targetWord));
            targetGap.add(target.gaps().get(targetWord + 1));
        }

        List<Segment> finish() {
            flush();
            return segments;
        }

        private void flush() {
            int start = 0;
            while (start < sourceGap.size() && start < targetGap.size()
                    && key(sourceGap.get(start)).equals(key(targetGap.get(start)))) {
                start++;
            }
            int sourceEnd = sourceGap.size();
            int targetEnd = targetGap.size();
            while (sourceEnd > start && targetEnd > start
                    && key(sourceGap.get(sourceEnd - 1)).equals(key(targetGap.get(targetEnd - 1)))) {
                sourceEnd--;
                targetEnd--;
            }
            add(Op.EQUAL, String.join("", targetGap.subList(0, start)));
            add(Op.DELETED, String.join("", sourceGap.subList(start, sourceEnd)));
            add(Op.INSERTED, String.join("", targetGap.subList(start, targetEnd)));
            add(Op.EQUAL, String.join("", targetGap.subList(targetEnd, targetGap.size())));
            sourceGap.clear();
            targetGap.clear();
        }

        private void add(Op op, String text) {
            if (text.isEmpty()) {
                return;
            }
            int last = segments.size() - 1;
            if (last >= 0 && segments.get(last).op() == op) {
                segments.set(last, new Segment(op, segments.get(last).text() + text));
            } else {
                segments.add(new Segment(op, text));
            }
        }
    }
}
