package com.aftercare.web.console.marketing;

import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.stepmail.newsletter.NewsletterDraft;
import com.aftercare.stepmail.newsletter.Segment;
import com.aftercare.web.console.ConsoleDates;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A newsletter as the compose form sends it; the rules are the domain's.
 *
 * @param sendAt wall-clock time in the shop's zone
 */
record NewsletterForm(
        String subject,
        String textBody,
        String language,
        Long storefrontId,
        String category,
        Integer purchasedWithinDays,
        Long couponCampaignId,
        String overCap,

        @DateTimeFormat(pattern = ConsoleDates.WALL_CLOCK, fallbackPatterns = ConsoleDates.WALL_CLOCK_ISO)
        LocalDateTime sendAt) {

    static NewsletterForm startingWith(String subject, String textBody) {
        return new NewsletterForm(subject, textBody, "ja", null, null, null, null, "SKIP", null);
    }

    NewsletterDraft toDraft() {
        return new NewsletterDraft(
                subject,
                textBody,
                language,
                new Segment(
                        storefrontId == null ? null : new StorefrontId(storefrontId), category, purchasedWithinDays),
                couponCampaignId == null ? null : new CampaignId(couponCampaignId),
                overCap);
    }

    /** The form field a domain complaint names. */
    static String fieldOf(String domainField) {
        switch (domainField) {
            case "storefront":
                return "storefrontId";
            case "coupon":
                return "couponCampaignId";
            default:
                return domainField;
        }
    }
}
