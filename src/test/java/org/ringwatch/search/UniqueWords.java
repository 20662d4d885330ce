package org.ringwatch.search;

import java.util.UUID;

/** Words no other test uses, for searches that must find only what one test wrote (any feature's tests). */
public final class UniqueWords {

    private UniqueWords() {
    }

    /**
     * {@code stem} and eight random letters: letters only, so the word is one lexeme. Each hex digit
     * of a random UUID becomes a letter (0-9 as g-p), so there are always eight; keeping only the
     * a-f of a UUID once left fewer than six, and a CI run failed on the substring.
     */
    public static String of(String stem) {
        StringBuilder word = new StringBuilder(stem);
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            word.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return word.toString();
    }
}
