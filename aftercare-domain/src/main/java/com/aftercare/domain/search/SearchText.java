package com.aftercare.domain.search;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The search normalisation, the Java twin of the SQL function {@code search_norm} (V11): NFKC,
 * ASCII lower case, katakana folded to hiragana, and separators people type inconsistently
 * removed (control characters, whitespace, hyphens and dashes, parentheses), so ｶﾀｶﾅ finds
 * カタカナ and かたかな, ０９０ finds 090 and 090-1234-5678 finds 09012345678. The index holds
 * every character and character pair of the normalised text ({@link #grams}).
 */
public final class SearchText {

    // Exactly the characters V11's search_norm deletes after NFKC (NFKC already turns U+3000,
    // U+00A0 and the full-width forms into their ASCII counterparts).
    private static final String REMOVED =
            "\u007F\u0085\u1680\u2028\u2029\u200B\uFEFF -\u2010\u2012\u2013\u2014\u2015\u2212()";

    private static final char KATAKANA_FIRST = '\u30A1'; // ァ
    private static final char KATAKANA_LAST = '\u30F6'; // ヶ
    private static final int TO_HIRAGANA = 0x60;

    private SearchText() {}

    public static String normalize(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (c < 0x20 || REMOVED.indexOf(c) >= 0) {
                continue;
            }
            out.append(fold(c));
        }
        return out.toString();
    }

    /** Every character and every pair of neighbouring characters of each (normalised) text. */
    public static Set<String> grams(Collection<String> normalizedTexts) {
        Set<String> grams = new TreeSet<>();
        for (String text : normalizedTexts) {
            int[] points = text.codePoints().toArray();
            for (int i = 0; i < points.length; i++) {
                grams.add(new String(points, i, 1));
                if (i + 1 < points.length) {
                    grams.add(new String(points, i, 2));
                }
            }
        }
        return grams;
    }

    /**
     * The grams a search for this (normalised, non-empty) term asks the index for: the term itself
     * when it is one character, else its character pairs only. Every pair present implies every
     * single character present, and the posting lists of single characters are the longest.
     */
    public static Set<String> queryGrams(String term) {
        int[] points = term.codePoints().toArray();
        Set<String> grams = new TreeSet<>();
        if (points.length == 1) {
            grams.add(term);
        }
        for (int i = 0; i + 1 < points.length; i++) {
            grams.add(new String(points, i, 2));
        }
        return grams;
    }

    /** Length in characters as PostgreSQL counts them (code points, not UTF-16 units). */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static char fold(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        if ((c >= KATAKANA_FIRST && c <= KATAKANA_LAST) || c == '\u30FD' || c == '\u30FE') {
            return (char) (c - TO_HIRAGANA);
        }
        return c;
    }
}
