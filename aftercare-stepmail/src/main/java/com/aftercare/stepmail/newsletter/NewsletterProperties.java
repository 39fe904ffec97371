package com.aftercare.stepmail.newsletter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Newsletter settings ({@code aftercare.newsletter.*}).
 *
 * @param ratePerMinute how many recipients' mails fall due per minute of a send (the throttle)
 * @param batchSize how many due newsletter mails one round of the sender takes
 */
@ConfigurationProperties("aftercare.newsletter")
record NewsletterProperties(
        @DefaultValue("60") int ratePerMinute,
        @DefaultValue("200") int batchSize) {

    NewsletterProperties {
        if (ratePerMinute < 1 || batchSize < 1) {
            throw new IllegalArgumentException("aftercare.newsletter rate-per-minute and batch-size must be positive");
        }
    }
}
