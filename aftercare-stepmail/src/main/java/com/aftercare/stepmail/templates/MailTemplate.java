package com.aftercare.stepmail.templates;

import java.util.Objects;

/**
 * The source of one mail template in one language: a subject line and a plain-text body (both in
 * Thymeleaf's TEXT mode) and an optional HTML body (HTML mode) sent as the alternative part.
 *
 * @param htmlBody null or blank for a plain-text-only mail
 */
public record MailTemplate(String subject, String textBody, String htmlBody) {

    public MailTemplate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        htmlBody = htmlBody == null || htmlBody.isBlank() ? null : htmlBody;
    }

    public boolean hasHtml() {
        return htmlBody != null;
    }
}
