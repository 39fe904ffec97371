package com.aftercare.domain.mail.rules;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The respect every mail sent on the shop's own initiative keeps ({@code aftercare.mail.*}).
 *
 * @param quietStart start of the quiet hours in the shop's zone (default 21:00)
 * @param quietEnd end of the quiet hours (default 09:00)
 * @param capPerDay promotional mails per customer and shop day, across scenarios and newsletters
 * @param capPerWeek promotional mails per customer in any seven consecutive shop days
 */
@ConfigurationProperties("aftercare.mail")
public record MailRulesProperties(
        @DefaultValue("21:00") LocalTime quietStart,
        @DefaultValue("09:00") LocalTime quietEnd,
        @DefaultValue("1") int capPerDay,
        @DefaultValue("3") int capPerWeek) {

    /** The quiet hours in the shop's zone. */
    public QuietHours quietHours(ZoneId shopZone) {
        return new QuietHours(quietStart, quietEnd, shopZone);
    }
}
