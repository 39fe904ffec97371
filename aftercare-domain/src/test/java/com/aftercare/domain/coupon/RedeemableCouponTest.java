package com.aftercare.domain.coupon;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules a reported use must keep, without a database. */
class RedeemableCouponTest {

    private static final StorefrontId SHOP = new StorefrontId(1);
    private static final Instant EXPIRY = Instant.parse("2026-12-31T15:00:00Z");
    private static final Instant BEFORE_EXPIRY = EXPIRY.minusSeconds(60);

    @Test
    void shouldTakeAUseThatKeepsEveryRule() {
        assertThatCode(() ->
                        coupon(Discount.yen(500), 3_000, null, true, 0).check(use(SHOP, 500, 2_500L, BEFORE_EXPIRY)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseAnotherStorefrontsOrderWhereTheCodeIsForOneStorefront() {
        assertRefused(
                coupon(Discount.yen(500), 0, SHOP, true, 0),
                use(new StorefrontId(2), 500, null, BEFORE_EXPIRY),
                "coupon.code");
    }

    @Test
    void shouldRefuseAUseFromTheMomentTheCodeExpires() {
        assertRefused(coupon(Discount.yen(500), 0, null, true, 0), use(SHOP, 500, null, EXPIRY), "coupon.code");
    }

    @Test
    void shouldRefuseASecondOrderOnASingleUseCode() {
        assertRefused(coupon(Discount.yen(500), 0, null, true, 1), use(SHOP, 500, null, BEFORE_EXPIRY), "coupon.code");
    }

    @Test
    void shouldRefuseMoreYenOffThanTheCodeIsWorth() {
        assertRefused(
                coupon(Discount.yen(500), 0, null, false, 3), use(SHOP, 501, null, BEFORE_EXPIRY), "coupon.discount");
        assertRefused(
                coupon(Discount.percent(10), 0, null, false, 0),
                use(SHOP, 301, 2_700L, BEFORE_EXPIRY),
                "coupon.discount");
    }

    @Test
    void shouldMeasureTheMinimumSpendBeforeTheDiscount() {
        RedeemableCoupon fromThreeThousand = coupon(Discount.yen(500), 3_000, null, true, 0);

        assertThatCode(() -> fromThreeThousand.check(use(SHOP, 500, 2_500L, BEFORE_EXPIRY)))
                .doesNotThrowAnyException();
        assertRefused(fromThreeThousand, use(SHOP, 500, 2_499L, BEFORE_EXPIRY), "coupon.orderTotal");
    }

    private static RedeemableCoupon coupon(
            Discount discount, long minimumSpendYen, StorefrontId storefront, boolean singleUse, int redemptions) {
        return new RedeemableCoupon(
                7,
                new CampaignId(3),
                new CustomerId(5),
                discount,
                minimumSpendYen,
                EXPIRY,
                singleUse,
                storefront,
                redemptions);
    }

    private static CouponRedemption use(StorefrontId storefront, long discountYen, Long orderTotalYen, Instant at) {
        return new CouponRedemption(
                storefront,
                new CouponCode("ABCDEFGHJKLM"),
                new OrderNumber("A-1"),
                discountYen,
                orderTotalYen,
                at,
                "e-1");
    }

    private static void assertRefused(RedeemableCoupon coupon, CouponRedemption use, String field) {
        assertThatThrownBy(() -> coupon.check(use))
                .isInstanceOfSatisfying(
                        CouponRefused.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field())
                                .isEqualTo(field));
    }
}
