package com.aftercare.domain.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

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
     * characters) that can disguise a name or a mail subject; a zero-width joiner that joins two
     * emoji into one (🙇‍♀️) is not one of them. Such characters break mails, logs
     * and CSV exports.
     */
    public static boolean hasControlCharacters(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowedWhitespace = c == '\t' || (multiLine && (c == '\n' || c == '\r'));
            if (!allowedWhitespace
                    && (Character.isISOControl(c) || (isInvisibleFormatting(c) && !joinsEmoji(value, i)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the character at {@code i} is a zero-width joiner between two emoji, as in 🙇‍♀️ or
     * 👨‍👩‍👧: such sequences are one picture on every phone (LINE messages are full of them), and
     * the joiner there hides nothing. Elsewhere (between letters of a name) it still disguises text.
     * An emoji is a symbol ({@code So}), optionally followed by a variation selector U+FE0F or a
     * skin-tone modifier ({@code Sk}); Java 17 has no {@code isEmoji}.
     */
    private static boolean joinsEmoji(String value, int i) {
        if (value.charAt(i) != ZERO_WIDTH_JOINER || i == 0 || i + 1 >= value.length()) {
            return false;
        }
        int before = value.codePointBefore(i);
        int at = i - Character.charCount(before);
        if (before == VARIATION_SELECTOR && at > 0) {
            before = value.codePointBefore(at);
        }
        int after = value.codePointAt(i + 1);
        return isEmojiPart(before, true) && isEmojiPart(after, false);
    }

    private static boolean isEmojiPart(int codePoint, boolean modifierAllowed) {
        int type = Character.getType(codePoint);
        return type == Character.OTHER_SYMBOL || (modifierAllowed && type == Character.MODIFIER_SYMBOL);
    }

    private static final char ZERO_WIDTH_JOINER = '\u200D';
    private static final int VARIATION_SELECTOR = 0xFE0F;

    /**
     * The bytes as UTF-8 text, or empty when they are not UTF-8. Never replaced by U+FFFD: text
     * that changed on the way in (a name, an event id that is a key) must be refused, not stored.
     * The encoded halves of a surrogate pair ({@code ED A0 80}) are not UTF-8 either.
     */
    public static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * True when the text holds half of a surrogate pair without the other ({@code "\ud800"} in
     * JSON): no character at all, which PostgreSQL, mail and every export would garble.
     */
    public static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
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
