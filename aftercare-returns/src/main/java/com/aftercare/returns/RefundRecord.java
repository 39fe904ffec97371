package com.aftercare.returns;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.returns.policy.RefundAmounts;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/**
 * How a claim's money goes back and, once it did, what went back. The route is decided when the
 * claim is opened, from what the customer wants (money or store credit) and how the order was
 * paid; the amounts, and for store credit its yen and coupon code, when the refund is recorded.
 */
@Embeddable
record RefundRecord(
        @Enumerated(EnumType.STRING) @Column(name = "settlement", nullable = false, updatable = false)
        Settlement settlement,

        @Column(name = "payment_method", updatable = false) String paymentMethod,

        @Enumerated(EnumType.STRING) @Column(name = "refund_route")
        RefundRoute route,

        @Embedded
        @AttributeOverride(name = "lines", column = @Column(name = "refund_lines_yen"))
        @AttributeOverride(name = "restockingFee", column = @Column(name = "refund_restocking_yen"))
        @AttributeOverride(name = "returnShipping", column = @Column(name = "refund_shipping_yen"))
        @AttributeOverride(name = "total", column = @Column(name = "refund_total_yen"))
        RefundAmounts amounts,

        @Column(name = "store_credit_yen") Long storeCreditYen,
        @Column(name = "coupon_code") String couponCode) {

    RefundRecord {
        Objects.requireNonNull(settlement, "settlement");
        Objects.requireNonNull(route, "route");
        if ((route == RefundRoute.STORE_CREDIT) != (settlement == Settlement.STORE_CREDIT)) {
            throw new IllegalArgumentException("Store credit is the route of a store-credit settlement only");
        }
        if (storeCreditYen != null && (route != RefundRoute.STORE_CREDIT || amounts == null)) {
            throw new IllegalArgumentException("Store credit is issued by a recorded store-credit refund only");
        }
    }

    /**
     * The route of a new claim. Only a return can be settled in store credit; every other claim
     * is money or a service.
     *
     * @param wanted what the customer asked for (REFUND when null)
     */
    static RefundRecord planned(RequestType type, Settlement wanted, String paymentMethod) {
        Settlement settlement = type == RequestType.RETURN && wanted != null ? wanted : Settlement.REFUND;
        return new RefundRecord(settlement, paymentMethod, RefundRoute.of(paymentMethod, settlement), null, null, null);
    }

    boolean isPaid() {
        return amounts != null;
    }

    boolean byTransfer() {
        return route == RefundRoute.BANK_TRANSFER;
    }

    /** The refund recorded; for store credit, the credit of the total. */
    RefundRecord paid(RefundAmounts paid) {
        Objects.requireNonNull(paid, "amounts");
        return new RefundRecord(
                settlement,
                paymentMethod,
                route,
                paid,
                route == RefundRoute.STORE_CREDIT ? Long.valueOf(paid.total()) : storeCreditYen,
                couponCode);
    }

    /** The store credit issued as a coupon: the code the customer uses. */
    RefundRecord creditedAs(String code) {
        if (route != RefundRoute.STORE_CREDIT) {
            throw new InvalidValue("couponCode", "only store credit is issued as a coupon");
        }
        return new RefundRecord(
                settlement, paymentMethod, route, amounts, storeCreditYen, ClaimText.required("couponCode", code, 100));
    }
}
