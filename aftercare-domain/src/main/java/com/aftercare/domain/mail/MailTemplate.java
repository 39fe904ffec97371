package com.aftercare.domain.mail;

import java.util.List;
import java.util.Objects;

/**
 * The source of one mail template in one language: a subject line and a plain-text body (both in
 * Thymeleaf's TEXT mode) and an optional HTML body (HTML mode) sent as the alternative part.
 *
 * @param htmlBody null or blank for a plain-text-only mail
 */
public record MailTemplate(String subject, String textBody, String htmlBody) {

    /** The parts of a template, as problems with it name them. */
    public static final String SUBJECT = "subject";

    public static final String TEXT_BODY = "textBody";
    public static final String HTML_BODY = "htmlBody";

    /** The languages a template can be written in. */
    public static final List<String> LANGUAGES = List.of("ja", "en");

    public MailTemplate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        htmlBody = htmlBody == null || htmlBody.isBlank() ? null : htmlBody;
    }

    public boolean hasHtml() {
        return htmlBody != null;
    }
}
