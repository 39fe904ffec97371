package com.aftercare.returns;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a new claim starts with, once the facade has checked the request against the order and the
 * product's policy ({@link Claim#open}).
 *
 * @param request the storefront's idempotency key; null without one
 * @param settlement what the customer wants back for a return; null for the money
 * @param note what the customer wrote; may be null
 * @param paymentMethod the order's, which decides the refund route; may be null
 * @param openedBy the operator who took it down in the console; null for the customer
 */
record ClaimOpening(
        String rma,
        RequestType type,
        ReturnReason reason,
        StorefrontId storefront,
        OrderId order,
        CustomerId customer,
        ClaimChannel channel,
        ClientRequest request,
        Settlement settlement,
        String note,
        TermsSnapshot terms,
        String paymentMethod,
        List<ClaimLine.Spec> lines,
        String openedBy,
        Instant at) {

    ClaimOpening {
        Objects.requireNonNull(rma, "rma");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(storefront, "storefront");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(at, "at");
        if (lines == null || lines.isEmpty()) {
            throw new InvalidValue("lines", "must hold at least one line");
        }
        lines = List.copyOf(lines);
    }
}
