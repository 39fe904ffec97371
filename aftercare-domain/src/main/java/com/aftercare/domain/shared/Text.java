package com.aftercare.domain.shared;

/** Checks for free text that comes from outside (storefronts, customers, mail). */
public final class Text {

    private Text() {}

    /**
     * True when the text holds control characters other than tab, CR and LF (allowed in
     * multi-line fields only). Such characters break mails, logs and CSV exports.
     */
    public static boolean hasControlCharacters(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowedWhitespace = c == '\t' || (multiLine && (c == '\n' || c == '\r'));
            if (!allowedWhitespace && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                return true;
            }
        }
        return false;
    }
}
