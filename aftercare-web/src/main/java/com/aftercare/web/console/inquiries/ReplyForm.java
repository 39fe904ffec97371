package com.aftercare.web.console.inquiries;

import com.aftercare.inquiry.Inquiries;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an operator types to answer the customer (or, with the same shape, an internal note).
 * {@code mailInstead}: the operator confirmed mailing a chat reply the storefront's chat cannot take.
 */
record ReplyForm(@NotBlank @Size(max = Inquiries.MAX_BODY) String body, Boolean mailInstead) {

    ReplyForm(String body) {
        this(body, null);
    }

    /** A box left unticked is not sent at all (null). */
    boolean mailConfirmed() {
        return Boolean.TRUE.equals(mailInstead);
    }

    static ReplyForm empty() {
        return new ReplyForm("");
    }
}
