package com.aftercare.stepmail.newsletter;

import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.mail.MailTemplate;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.stepmail.scenario.ScenarioEditor;
import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/**
 * A newsletter as composed: subject and plain text (Thymeleaf TEXT templates, checked like every
 * mail template), its language, its segment and, optionally, a coupon campaign of which each
 * recipient gets their own code, and what happens to a recipient over the frequency cap.
 *
 * @param coupon null for a newsletter without a coupon
 * @param overCap {@code SKIP} (the default: news of today is stale tomorrow) or {@code POSTPONE}
 *     to the morning of the first shop day with room, the same choice a step-mail step has
 */
@NamedInterface("newsletters")
public record NewsletterDraft(
        String subject, String textBody, String language, Segment segment, CampaignId coupon, String overCap) {

    public NewsletterDraft {
        if (language == null || !MailTemplate.LANGUAGES.contains(language)) {
            throw new InvalidValue("language", "must be one of " + String.join(", ", MailTemplate.LANGUAGES));
        }
        overCap = overCap == null || overCap.isBlank() ? "SKIP" : overCap;
        if (!ScenarioEditor.OVER_CAP.contains(overCap)) {
            throw new InvalidValue("overCap", "must be one of " + String.join(", ", ScenarioEditor.OVER_CAP));
        }
        Objects.requireNonNull(segment, "segment");
        subject = subject == null ? "" : subject;
        textBody = textBody == null ? "" : textBody;
    }

    /** A draft that skips recipients over the cap. */
    public NewsletterDraft(String subject, String textBody, String language, Segment segment, CampaignId coupon) {
        this(subject, textBody, language, segment, coupon, null);
    }

    MailTemplate template() {
        return new MailTemplate(subject, textBody, null);
    }
}
