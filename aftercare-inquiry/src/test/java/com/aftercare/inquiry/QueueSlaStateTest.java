package com.aftercare.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueueSlaStateTest {

    private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

    @Test
    void shouldCallADueTimeThatHasPassedOverdue() {
        assertThat(InquiryQueue.slaState(NOW, NOW)).isEqualTo(InquiryQueue.SlaState.OVERDUE);
        assertThat(InquiryQueue.slaState(NOW.minusSeconds(1), NOW)).isEqualTo(InquiryQueue.SlaState.OVERDUE);
    }

    @Test
    void shouldCallADueTimeWithinAnHourDueSoon() {
        assertThat(InquiryQueue.slaState(NOW.plus(Duration.ofHours(1)), NOW)).isEqualTo(InquiryQueue.SlaState.DUE_SOON);
        assertThat(InquiryQueue.slaState(NOW.plus(Duration.ofMinutes(61)), NOW)).isEqualTo(InquiryQueue.SlaState.OK);
    }
}
