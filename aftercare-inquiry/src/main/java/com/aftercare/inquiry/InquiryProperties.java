package com.aftercare.inquiry;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the inquiry desk. The time zone is the shop's ({@code aftercare.shop.zone}).
 *
 * @param businessHours when the desk answers: {@code aftercare.inquiry.business-hours.days},
 *     {@code .opens}, {@code .closes}, {@code .closed-dates} (default Mon–Fri 10:00–18:00)
 * @param phoneHours when the shop answers and returns calls: {@code aftercare.inquiry.phone-hours.days},
 *     {@code .opens}, {@code .closes}, {@code .closed-dates} (default Mon–Fri 10:00–18:00); a
 *     callback must be scheduled inside them
 * @param sla targets per priority ({@code aftercare.inquiry.sla.targets.HIGH.first-response=4h});
 *     unset priorities keep their defaults, see {@link SlaPolicy#defaults}
 */
@ConfigurationProperties("aftercare.inquiry")
record InquiryProperties(
        @DefaultValue BusinessHoursSettings businessHours,
        @DefaultValue BusinessHoursSettings phoneHours,
        @DefaultValue Sla sla) {

    record BusinessHoursSettings(
            @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
            Set<DayOfWeek> days,

            @DefaultValue("10:00") LocalTime opens,
            @DefaultValue("18:00") LocalTime closes,
            Set<LocalDate> closedDates) {}

    /**
     * @param targets per priority, in business time
     * @param firstResponseByChannel a faster first answer some channels promise (e.g. {@code CHAT=30m})
     */
    record Sla(Map<Priority, Target> targets, Map<Channel, Duration> firstResponseByChannel) {}

    record Target(Duration firstResponse, Duration resolution) {}
}
