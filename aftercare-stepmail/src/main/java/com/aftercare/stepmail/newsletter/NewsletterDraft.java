package com.aftercare.stepmail.newsletter;

import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.stepmail.templates.MailTemplate;
import com.aftercare.stepmail.templates.MailTemplates;
import java.util.Objects;

/**
 * A newsletter as composed: subject and plain text (Thymeleaf TEXT templates, checked like every
 * mail template), its language, its segment and, optionally, a coupon campaign of which each
 * recipient gets their own code.
 *
 * @param coupon null for a newsletter without a coupon
 */
public record NewsletterDraft(String subject, String textBody, String language, Segment segment, CampaignId coupon) {

    public NewsletterDraft {
        if (language == null || !MailTemplates.LANGUAGES.contains(language)) {
            throw new InvalidValue("language", "must be one of " + String.join(", ", MailTemplates.LANGUAGES));
        }
        Objects.requireNonNull(segment, "segment");
        subject = subject == null ? "" : subject;
        textBody = textBody == null ? "" : textBody;
    }

    MailTemplate template() {
        return new MailTemplate(subject, textBody, null);
    }
}
