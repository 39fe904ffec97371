package com.aftercare.web.console.inquiries;

import com.aftercare.inquiry.Inquiries;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an operator types to answer the customer (or, with the same shape, an internal note). */
record ReplyForm(@NotBlank @Size(max = Inquiries.MAX_BODY) String body) {

    static ReplyForm empty() {
        return new ReplyForm("");
    }
}
