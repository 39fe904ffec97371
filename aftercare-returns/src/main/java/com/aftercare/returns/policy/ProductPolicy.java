package com.aftercare.returns.policy;

import com.aftercare.domain.claim.Payer;
import java.util.Objects;

/**
 * The after-sales terms of a product or category.
 *
 * @param returnWindowDays days from delivery, the day of delivery counting as day 1; null when the
 *     product states no return policy, which means the statutory 8 days (特定商取引法)
 * @param customerReturnShipping who pays return shipping when the customer simply changed their mind
 * @param exchangeAllowed whether another variant may be asked for
 * @param finalSale no return or exchange for a change of mind (faults still go back)
 * @param guarantee the refund guarantee (返金保証), if the product is sold with one
 * @param warrantyMonths months of free repair from delivery; 0 for none
 * @param recyclingFeeYen the pick-up fee when the product's category takes old appliances back; null
 *     when it does not
 */
public record ProductPolicy(
        Integer returnWindowDays,
        Payer customerReturnShipping,
        boolean exchangeAllowed,
        boolean finalSale,
        RefundGuarantee guarantee,
        int warrantyMonths,
        Long recyclingFeeYen) {

    /** 特定商取引法: without a stated policy, returns within 8 days of delivery, shipping paid by the customer. */
    public static final int STATUTORY_RETURN_DAYS = 8;

    public ProductPolicy {
        Objects.requireNonNull(customerReturnShipping, "customerReturnShipping");
        if (returnWindowDays != null && returnWindowDays < 0) {
            throw new IllegalArgumentException("A return window cannot be negative");
        }
        if (warrantyMonths < 0) {
            throw new IllegalArgumentException("A warranty cannot be negative");
        }
        if (recyclingFeeYen != null && recyclingFeeYen < 0) {
            throw new IllegalArgumentException("A recycling fee cannot be negative");
        }
    }

    /** What applies where the product states nothing. */
    public static ProductPolicy statutory() {
        return new ProductPolicy(null, Payer.CUSTOMER, false, false, null, 0, null);
    }

    /** The window that applies: the stated one, or the statutory 8 days. */
    public int effectiveReturnWindowDays() {
        return returnWindowDays == null ? STATUTORY_RETURN_DAYS : returnWindowDays;
    }

    public boolean statesNoReturnPolicy() {
        return returnWindowDays == null;
    }

    /**
     * The terms of a refund guarantee, kept as a snapshot with every claim so that what was
     * advertised is what is enforced (景品表示法).
     *
     * @param periodDays days from delivery (delivery day = day 1) within which it can be claimed
     * @param minimumUseDays the product must have been used this many days first (0 for none)
     * @param surveyRequired the customer answers a short survey first
     * @param oncePerCustomerAndProduct at most one guarantee refund per customer and product
     * @param returnShipping who pays to send the product back
     */
    public record RefundGuarantee(
            int periodDays,
            int minimumUseDays,
            boolean surveyRequired,
            boolean oncePerCustomerAndProduct,
            Payer returnShipping) {

        public RefundGuarantee {
            Objects.requireNonNull(returnShipping, "returnShipping");
            if (periodDays <= 0 || minimumUseDays < 0 || minimumUseDays > periodDays) {
                throw new IllegalArgumentException("Need 0 <= minimumUseDays <= periodDays and periodDays > 0");
            }
        }
    }
}
