package com.aftercare.domain.coupon;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NewCampaignTest {

    private static final Instant NEXT_YEAR = Instant.parse("2027-12-31T15:00:00Z");

    @Test
    void shouldRefuseACampaignWithoutAnyExpiry() {
        assertThatThrownBy(() -> new NewCampaign(
                        "秋のクーポン", CouponPurpose.PROMOTION, Discount.percent(10), 0, null, null, true, null))
                .isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field())
                .isEqualTo("expiresAt");
    }

    @Test
    void shouldRefuseABlankNameANegativeMinimumAndZeroValidDays() {
        assertThatThrownBy(() -> new NewCampaign(
                        " ", CouponPurpose.PROMOTION, Discount.percent(10), 0, NEXT_YEAR, null, true, null))
                .extracting(e -> ((InvalidValue) e).field())
                .isEqualTo("name");
        assertThatThrownBy(() -> new NewCampaign(
                        "a", CouponPurpose.PROMOTION, Discount.percent(10), -1, NEXT_YEAR, null, true, null))
                .extracting(e -> ((InvalidValue) e).field())
                .isEqualTo("minimumSpendYen");
        assertThatThrownBy(() ->
                        new NewCampaign("a", CouponPurpose.PROMOTION, Discount.percent(10), 0, null, 0, true, null))
                .extracting(e -> ((InvalidValue) e).field())
                .isEqualTo("validDays");
    }
}
