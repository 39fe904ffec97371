package com.aftercare.web.console.knowledge;

import com.aftercare.inquiry.CannedResponses;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Inquiries;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A canned response as a supervisor writes it; {@code category} empty: every category. */
record CannedResponseForm(
        @NotBlank @Size(max = CannedResponses.MAX_TITLE) String title,
        @NotBlank @Size(max = Inquiries.MAX_BODY) String body,
        Category category,
        @NotBlank String language) {

    static CannedResponseForm empty() {
        return new CannedResponseForm("", "", null, "ja");
    }

    static CannedResponseForm of(CannedResponses.CannedResponseView view) {
        return new CannedResponseForm(view.title(), view.body(), view.category(), view.language());
    }

    CannedResponses.Draft draft() {
        return new CannedResponses.Draft(title, body, category, language);
    }
}
