package com.aftercare.inquiry;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two texts are, by their character bigrams: the way to compare Japanese without a
 * dictionary (words are not separated by spaces, and the common ones, 配送, 返品, are two
 * characters long). Text is NFKC-normalised (full-width letters, half-width katakana) and
 * lower-cased; punctuation and spaces break it into runs, and bigrams never cross a run. Bigrams
 * of two hiragana (です, ので, ます) are left out: they are grammar, shared by every Japanese text,
 * and would make everything look alike. A pure function.
 */
final class Bigrams {

    private Bigrams() {}

    static Set<String> of(String text) {
        Set<String> grams = new HashSet<>();
        if (text == null) {
            return grams;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int[] cps = normalized.codePoints().toArray();
        int runStart = 0;
        for (int i = 0; i <= cps.length; i++) {
            if (i == cps.length || !Character.isLetterOrDigit(cps[i])) {
                addRun(cps, runStart, i, grams);
                runStart = i + 1;
            }
        }
        return grams;
    }

    /**
     * The share of bigrams two sets have in common (cosine of their indicator vectors): 1 for the
     * same set, 0 for nothing shared; a long text does not win merely by being long.
     */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        long shared = smaller.stream().filter(larger::contains).count();
        return shared / Math.sqrt((double) a.size() * b.size());
    }

    private static void addRun(int[] cps, int from, int to, Set<String> grams) {
        if (to - from == 1) {
            grams.add(new String(cps, from, 1));
        }
        for (int i = from; i + 1 < to; i++) {
            if (!(isHiragana(cps[i]) && isHiragana(cps[i + 1]))) {
                grams.add(new String(cps, i, 2));
            }
        }
    }

    private static boolean isHiragana(int cp) {
        return Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.HIRAGANA;
    }
}
