package com.aftercare.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.shop.ShopProperties;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The SLA settings bind from properties, and unset ones keep their defaults. */
class InquiryConfigurationTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(InquiryConfiguration.class)
            .withBean(
                    ShopProperties.class,
                    () -> new ShopProperties(ZoneId.of("Asia/Tokyo"), "テスト店", "東京都", "http://localhost"))
            .withBean(AssignmentRule.class, () -> inquiry -> Optional.empty());

    static Instant jst(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
    }

    @Test
    void shouldDefaultToWeekdaysTenToSixInTheShopsZone() {
        context.run(c -> assertThat(c.getBean(SlaPolicy.class)
                        .due(Channel.EMAIL, Priority.URGENT, jst("2026-11-27T17:30:00"))
                        .firstResponse())
                .isEqualTo(jst("2026-11-30T10:30:00")));
    }

    @Test
    void shouldBindHoursTargetsAndChannelOverridesFromProperties() {
        context.withPropertyValues(
                        "aftercare.inquiry.business-hours.days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY",
                        "aftercare.inquiry.business-hours.opens=09:00",
                        "aftercare.inquiry.business-hours.closes=17:00",
                        "aftercare.inquiry.business-hours.closed-dates=2026-11-30",
                        "aftercare.inquiry.sla.targets.URGENT.first-response=30m",
                        "aftercare.inquiry.sla.first-response-by-channel.CHAT=15m")
                .run(c -> {
                    SlaPolicy policy = c.getBean(SlaPolicy.class);
                    // Friday 16:45 + 30m: 15 minutes on Friday, then Saturday from 09:00.
                    SlaPolicy.Due urgent = policy.due(Channel.EMAIL, Priority.URGENT, jst("2026-11-27T16:45:00"));
                    assertThat(urgent.firstResponse()).isEqualTo(jst("2026-11-28T09:15:00"));
                    // Resolution keeps the 8h default: 15m on Friday, 7h45m on Saturday.
                    assertThat(urgent.resolution()).isEqualTo(jst("2026-11-28T16:45:00"));
                    assertThat(policy.due(Channel.CHAT, Priority.NORMAL, jst("2026-11-24T09:00:00"))
                                    .firstResponse())
                            .isEqualTo(jst("2026-11-24T09:15:00"));
                });
    }
}
