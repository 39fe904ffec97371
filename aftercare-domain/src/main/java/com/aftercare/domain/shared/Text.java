package com.aftercare.domain.shared;

/** Checks for free text that comes from outside (storefronts, customers, mail). */
public final class Text {

    private Text() {}

    /**
     * True when the text holds control characters other than tab, CR and LF (allowed in
     * multi-line fields only), or invisible formatting characters (bidi overrides, zero-width
     * characters) that can disguise a name or a mail subject. Such characters break mails, logs
     * and CSV exports.
     */
    public static boolean hasControlCharacters(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowedWhitespace = c == '\t' || (multiLine && (c == '\n' || c == '\r'));
            if (!allowedWhitespace && (Character.isISOControl(c) || isInvisibleFormatting(c))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInvisibleFormatting(char c) {
        return c == '\u2028'
                || c == '\u2029' // line and paragraph separators
                || (c >= '\u200B' && c <= '\u200F') // zero-width space/joiners, LRM, RLM
                || (c >= '\u202A' && c <= '\u202E') // bidi embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069') // bidi isolates
                || c == '\uFEFF'; // zero-width no-break space
    }
}
