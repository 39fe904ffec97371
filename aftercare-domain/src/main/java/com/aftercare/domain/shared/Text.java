package com.aftercare.domain.shared;

/** Checks for free text that comes from outside (storefronts, customers, mail). */
public final class Text {

    private Text() {}

    /**
     * A one-line text from outside (a name, a subject, a caller), stripped; null when blank.
     * Longer than {@code max} once stripped, or holding control characters, is {@link InvalidValue}
     * on {@code field}.
     */
    public static String line(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidValue(field, "must be at most " + max + " characters");
        }
        if (hasControlCharacters(stripped, false)) {
            throw new InvalidValue(field, "must not contain control characters");
        }
        return stripped;
    }

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
