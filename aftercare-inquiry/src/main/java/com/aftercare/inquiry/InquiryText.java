package com.aftercare.inquiry;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;

/** Checks for the free text of an inquiry; each failure names the field it came from. */
final class InquiryText {

    static final int MAX_BODY = 20_000;
    static final int MAX_SUBJECT = 200;
    static final int MAX_NAME = 200;

    private InquiryText() {}

    /** A message body: multi-line, stored as written (HTML is just text here). */
    static String body(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(field, "must not be blank");
        }
        if (value.length() > MAX_BODY) {
            throw new InvalidValue(field, "must be at most " + MAX_BODY + " characters");
        }
        if (Text.hasControlCharacters(value, true)) {
            throw new InvalidValue(field, "must not contain control characters");
        }
        return value.strip();
    }

    /** A one-line text such as a subject or a name; null when optional and absent. */
    static String line(String field, String value, int max, boolean required) {
        String line = Text.line(field, value, max);
        if (line == null && required) {
            throw new InvalidValue(field, "must not be blank");
        }
        return line;
    }
}
