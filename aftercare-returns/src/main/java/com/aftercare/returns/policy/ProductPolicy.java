package com.aftercare.returns.policy;

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
        GuaranteeTerms guarantee,
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
}
