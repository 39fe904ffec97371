package com.aftercare.domain.line;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a LINE text was not sent, or may not have arrived: the one place that reads the error the
 * {@link LineDispatcher} recorded ({@code line_push.last_error}), so the console says the cause in
 * the operator's words ({@code inquiry.line.failure.<CAUSE>}) and nobody matches LINE's English
 * elsewhere. The dispatcher writes its errors with the shapes below ({@link #answered}, {@link
 * #refused}, {@link #UNFOLLOWED_ERROR}, {@link #NO_CHANNEL_ERROR}); texts stored before keep them too.
 */
public enum LineFailure {
    /** The customer blocked (unfollowed) the account: nothing was sent, until they follow it again. */
    UNFOLLOWED,
    /** LINE asked to slow down (429) until the attempts ran out: it never took the text. */
    RATE_LIMITED,
    /** LINE refused the text (a 4xx: a bad or revoked access token, a malformed request). */
    REFUSED,
    /** LINE's servers failed (5xx): it may or may not have delivered the text. */
    LINE_ERROR,
    /** LINE could not be reached (connection refused, timed out) until the attempts ran out. */
    NO_ANSWER,
    /** The storefront's LINE channel was removed before the text left. */
    NO_CHANNEL,
    /** Parked: the outcome is unknown (no answer to a reply, a dispatcher that died mid-send). */
    UNKNOWN_OUTCOME,
    /** Anything this enum does not know yet: the console says "not sent" and shows the detail. */
    OTHER;

    static final String UNFOLLOWED_ERROR = "UNFOLLOWED: the customer blocked the LINE account; nothing was sent";
    static final String NO_CHANNEL_ERROR = "the storefront has no LINE channel (any more): nothing was sent";
    private static final String GAVE_UP = "gave up after ";
    private static final Pattern STATUS = Pattern.compile("LINE (?:answered |refused it \\()(\\d{3})");

    /**
     * The cause of a text in {@code status} with the dispatcher's last {@code error}; null while the
     * text is on its way or was sent (its last error, if any, was overcome).
     */
    public static LineFailure of(LinePushes.Status status, String error) {
        if (status == null || !status.releasable()) {
            return null;
        }
        String detail = error == null ? "" : error;
        Matcher answered = STATUS.matcher(detail);
        Integer code = answered.find() ? Integer.valueOf(answered.group(1)) : null;
        if (status == LinePushes.Status.UNKNOWN) {
            return code != null && code >= 500 ? LINE_ERROR : UNKNOWN_OUTCOME;
        }
        if (detail.startsWith("UNFOLLOWED")) {
            return UNFOLLOWED;
        }
        if (detail.equals(NO_CHANNEL_ERROR)) {
            return NO_CHANNEL;
        }
        if (code == null) {
            return detail.startsWith(GAVE_UP) ? NO_ANSWER : OTHER;
        }
        if (code == 429) {
            return RATE_LIMITED;
        }
        return code >= 500 ? LINE_ERROR : REFUSED;
    }

    /** The error of a text LINE answered with {@code status} and {@code body} (429, 5xx). */
    static String answered(int status, String body) {
        return "LINE answered " + status + (status == 429 ? " (rate limit)" : "") + ": " + body;
    }

    /** The error of a text LINE refused for good (a 4xx other than 429). */
    static String refused(int status, String body) {
        return "LINE refused it (" + status + "): " + body;
    }

    /** The error of a text given up after {@code attempts} failed tries, the last with {@code error}. */
    static String gaveUp(int attempts, String error) {
        return GAVE_UP + attempts + " attempts: " + error;
    }
}
