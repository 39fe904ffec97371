package com.aftercare.web.console.mail;

import com.aftercare.domain.mail.MailTemplate;

/** A mail template's parts as the template form sends them. */
record TemplateForm(String subject, String textBody, String htmlBody) {

    static TemplateForm of(MailTemplate template) {
        return new TemplateForm(template.subject(), template.textBody(), template.htmlBody());
    }

    MailTemplate toTemplate() {
        return new MailTemplate(
                subject == null ? "" : subject, textBody == null ? "" : textBody.replace("\r\n", "\n"), htmlBody);
    }
}
