package com.aftercare.web.console.policies;

import com.aftercare.returns.ProductPolicyEditor;
import com.aftercare.returns.policy.Payer;
import java.util.List;

/**
 * The policy form as posted. Numbers arrive as Integer/Long (blank is null), so a value that is
 * not a number is a binding error at its field; an unchecked box is not sent at all (null, read as
 * false). The rules are the editor's.
 */
record PolicyForm(
        String sku,
        String category,
        Integer returnWindowDays,
        String customerReturnShipping,
        Boolean exchangeAllowed,
        Boolean finalSale,
        Integer guaranteePeriodDays,
        Integer guaranteeMinimumUseDays,
        Boolean guaranteeSurveyRequired,
        Boolean guaranteeOnce,
        String guaranteeReturnShipping,
        Integer warrantyMonths,
        Long recyclingFeeYen) {

    /** The choices of the two shipping selects, customer first (the statutory default). */
    static final List<String> PAYERS = List.of(Payer.CUSTOMER.name(), Payer.SHOP.name());

    static PolicyForm empty() {
        return new PolicyForm("", "", null, "CUSTOMER", false, false, null, null, false, true, "SHOP", null, null);
    }

    ProductPolicyEditor.Draft toDraft() {
        return new ProductPolicyEditor.Draft(
                sku,
                category,
                returnWindowDays,
                customerReturnShipping,
                Boolean.TRUE.equals(exchangeAllowed),
                Boolean.TRUE.equals(finalSale),
                guaranteePeriodDays,
                guaranteeMinimumUseDays,
                Boolean.TRUE.equals(guaranteeSurveyRequired),
                Boolean.TRUE.equals(guaranteeOnce),
                guaranteeReturnShipping,
                warrantyMonths,
                recyclingFeeYen);
    }
}
