package org.ringwatch.agreement;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a quote is on its page. Compared as a reader would: case, runs of white space, curly
 * quotes and dashes, ligatures ("ﬁ") and a word hyphenated across a line end do not count.
 */
public final class Quotes {

    private static final Pattern HYPHEN_AT_LINE_END = Pattern.compile("(\\p{L})[-\u00ad\u2010]\\s*\\R\\s*(\\p{L})");
    private static final Pattern SOFT_HYPHEN = Pattern.compile("\u00ad");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Quotes() {
    }

    public static boolean isOnPage(String quote, String pageText) {
        String wanted = normalise(quote);
        return !wanted.isEmpty() && normalise(pageText).contains(wanted);
    }

    /** The text as compared: NFKC (ligatures apart), hyphenation joined, one space, plain quotes, lower case. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC);
        plain = HYPHEN_AT_LINE_END.matcher(plain).replaceAll("$1$2");
        plain = SOFT_HYPHEN.matcher(plain).replaceAll("");
        plain = plain.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replace('\u2013', '-').replace('\u2014', '-').replace('\u2010', '-').replace('\u2011', '-');
        return SPACE.matcher(plain).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }
}
