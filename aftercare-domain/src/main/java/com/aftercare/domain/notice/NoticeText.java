package com.aftercare.domain.notice;

import com.aftercare.domain.line.LineOutbox;
import com.aftercare.domain.mail.RenderedMail;

/**
 * A notice's mail as one LINE text message: the subject, a blank line, the plain text (links stay
 * as text; LINE makes them tappable). LINE takes at most {@value LineOutbox#MAX_TEXT} characters
 * (UTF-16 units, as LINE counts them) in one message, so a longer one is cut, never inside a
 * surrogate pair, and ends with an ellipsis.
 */
final class NoticeText {

    static final String CUT = "…";

    private NoticeText() {}

    static String of(RenderedMail mail) {
        return of(mail.subject(), mail.text());
    }

    static String of(String subject, String body) {
        String text = (subject.strip() + "\n\n" + body.replace("\r\n", "\n").strip()).strip();
        if (text.length() <= LineOutbox.MAX_TEXT) {
            return text;
        }
        int end = LineOutbox.MAX_TEXT - CUT.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + CUT;
    }
}
