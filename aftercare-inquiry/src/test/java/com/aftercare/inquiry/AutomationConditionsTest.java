package com.aftercare.inquiry;

import static com.aftercare.inquiry.SlaPolicyTest.jst;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The automations' conditions as pure rules: words, customer value, and time counted in wall-clock
 * or business hours (Mon-Fri 10:00-18:00 Tokyo; 2026-11-23 is a Monday).
 */
class AutomationConditionsTest {

    static final SlaPolicy SLA = new SlaPolicy(
            SlaPolicyTest.weekdays(Set.of()), SlaPolicy.defaults(SlaPolicyTest.weekdays(Set.of())), Map.of());

    static InquiryFacts facts(String text, long value, Instant waitingSince, Instant firstResponseDue) {
        Instant created = jst("2026-11-23T10:00:00");
        return new InquiryFacts(
                1,
                "INQ-2026-000001",
                waitingSince == null ? InquiryStatus.OPEN : InquiryStatus.WAITING_ON_CUSTOMER,
                Channel.EMAIL,
                Category.SHIPPING,
                Priority.NORMAL,
                7L,
                text,
                value,
                created,
                created,
                waitingSince,
                firstResponseDue,
                null,
                jst("2026-11-26T10:00:00"));
    }

    static AutomationConditions words(String words) {
        return new AutomationConditions(null, null, null, null, null, words, null, null);
    }

    static AutomationConditions time(AutomationTime.Since since, int amount, AutomationTime.Unit unit) {
        return new AutomationConditions(
                null, null, null, null, null, null, null, new AutomationTime(since, amount, unit));
    }

    @Test
    void shouldMatchAnyOfTheWordsWhateverTheirWidth() {
        InquiryFacts facts = facts("商品が届かない。ｷｬﾝｾﾙしたいです", 0, null, null);
        Instant now = jst("2026-11-23T11:00:00");

        assertThat(words("返金、キャンセル").matches(facts, now, SLA)).isTrue();
        assertThat(words("返金, 破損").matches(facts, now, SLA)).isFalse();
        assertThat(words("  ,、 ").matches(facts, now, SLA))
                .as("no words: any text")
                .isTrue();
        assertThat(words("Refund").matches(facts("please REFUND me", 0, null, null), now, SLA))
                .isTrue();
    }

    @Test
    void shouldMatchACustomerWorthAtLeastTheAmount() {
        AutomationConditions vip = new AutomationConditions(null, null, null, null, null, null, 100_000L, null);
        Instant now = jst("2026-11-23T11:00:00");

        assertThat(vip.matches(facts("", 100_000, null, null), now, SLA)).isTrue();
        assertThat(vip.matches(facts("", 99_999, null, null), now, SLA)).isFalse();
    }

    @Test
    void shouldCountBusinessDaysWaitingOnTheCustomerOverAWeekend() {
        // waiting since Thursday 17:00: 1 h that day, 8 h Friday, 8 h Monday -> 2 business days Monday 17:00
        InquiryFacts waiting = facts("", 0, jst("2026-11-26T17:00:00"), null);
        AutomationConditions twoDays = time(AutomationTime.Since.WAITING, 2, AutomationTime.Unit.BUSINESS_DAYS);

        assertThat(twoDays.matches(waiting, jst("2026-11-30T16:59:00"), SLA)).isFalse();
        assertThat(twoDays.matches(waiting, jst("2026-11-30T17:00:00"), SLA)).isTrue();
        // in wall-clock hours the same wait is long past 48 hours by Sunday
        assertThat(time(AutomationTime.Since.WAITING, 48, AutomationTime.Unit.HOURS)
                        .matches(waiting, jst("2026-11-28T17:00:00"), SLA))
                .isTrue();
    }

    @Test
    void shouldNotCountAWaitOfAnInquiryThatIsNotWaiting() {
        AutomationConditions anyWait = time(AutomationTime.Since.WAITING, 0, AutomationTime.Unit.MINUTES);

        assertThat(anyWait.matches(facts("", 0, null, null), jst("2026-12-23T10:00:00"), SLA))
                .isFalse();
    }

    @Test
    void shouldSeeTheFirstResponseAboutToBreachAndAlreadyBreached() {
        InquiryFacts due = facts("", 0, null, jst("2026-11-23T15:00:00"));
        AutomationConditions hourBefore = time(AutomationTime.Since.FIRST_RESPONSE_DUE, 1, AutomationTime.Unit.HOURS);

        assertThat(hourBefore.matches(due, jst("2026-11-23T13:59:00"), SLA)).isFalse();
        assertThat(hourBefore.matches(due, jst("2026-11-23T14:00:00"), SLA)).isTrue();
        assertThat(hourBefore.matches(due, jst("2026-11-23T16:00:00"), SLA))
                .as("past due")
                .isTrue();
    }

    @Test
    void shouldCountBusinessHoursBeforeADueTimeAcrossTheNight() {
        // due Tuesday 10:30: at Monday 17:45 only 45 business minutes are left
        InquiryFacts due = facts("", 0, null, jst("2026-11-24T10:30:00"));
        AutomationConditions hourBefore =
                time(AutomationTime.Since.FIRST_RESPONSE_DUE, 1, AutomationTime.Unit.BUSINESS_HOURS);

        assertThat(hourBefore.matches(due, jst("2026-11-23T17:15:00"), SLA)).isFalse();
        assertThat(hourBefore.matches(due, jst("2026-11-23T17:45:00"), SLA)).isTrue();
    }

    @Test
    void shouldFireOncePerWaitNotOncePerInquiry() {
        AutomationTime waiting = new AutomationTime(AutomationTime.Since.WAITING, 1, AutomationTime.Unit.HOURS);

        String first = waiting.occasion(facts("", 0, jst("2026-11-23T11:00:00"), null));
        String second = waiting.occasion(facts("", 0, jst("2026-11-25T11:00:00"), null));

        assertThat(first).isNotEqualTo(second).startsWith("time:WAITING:");
    }
}
