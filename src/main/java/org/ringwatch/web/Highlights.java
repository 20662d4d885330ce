package org.ringwatch.web;

import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;

/**
 * Search highlights, made safe: PostgreSQL's {@code ts_headline} marks matches with control
 * characters (never HTML), which are split here into pieces that pages render escaped one by
 * one and the API renders as escaped text with {@code <mark>}.
 */
public final class Highlights {

    /** The {@code ts_headline} options that mark matches with the characters {@link #split} reads. */
    public static final String MARKERS = "'StartSel=' || chr(1) || ', StopSel=' || chr(2)";
    private static final char START = '\u0001';
    private static final char END = '\u0002';

    private Highlights() {
    }

    /** A piece of a headline; {@code mark} pieces matched the query. */
    @TemplateData
    public record Fragment(String text, boolean mark) {
    }

    public static List<Fragment> split(String headline) {
        List<Fragment> fragments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean marked = false;
        for (char c : (headline == null ? "" : headline).toCharArray()) {
            if (c == START || c == END) {
                if (current.length() > 0) {
                    fragments.add(new Fragment(current.toString(), marked));
                    current.setLength(0);
                }
                marked = c == START;
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            fragments.add(new Fragment(current.toString(), marked));
        }
        return fragments;
    }

    /** The fragments as HTML text: every piece escaped, matches in {@code <mark>}. */
    public static String html(List<Fragment> fragments) {
        StringBuilder html = new StringBuilder();
        for (Fragment fragment : fragments) {
            String escaped = fragment.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\"", "&quot;").replace("'", "&#39;");
            html.append(fragment.mark() ? "<mark>" + escaped + "</mark>" : escaped);
        }
        return html.toString();
    }
}
