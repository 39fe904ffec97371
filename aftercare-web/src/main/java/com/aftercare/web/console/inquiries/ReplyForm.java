package com.aftercare.web.console.inquiries;

import com.aftercare.inquiry.Inquiries;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an operator types to answer the customer (or, with the same shape, an internal note).
 * {@code mailInstead}: the operator confirmed mailing a chat reply the storefront's chat cannot take.
 */
record ReplyForm(@NotBlank @Size(max = Inquiries.MAX_BODY) String body, boolean mailInstead) {

    ReplyForm(String body) {
        this(body, false);
    }

    static ReplyForm empty() {
        return new ReplyForm("");
    }
}
