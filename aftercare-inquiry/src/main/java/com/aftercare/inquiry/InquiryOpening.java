package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.inquiry.InquiryId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;

/**
 * What a new {@link Inquiry} starts with: the customer's first message (or, for a phone call, the
 * operator's summary) and its due times. {@code storefront}, {@code order} and {@code followUpOf}
 * may be null; {@code category} and {@code priority} null take the defaults.
 */
record InquiryOpening(
        String reference,
        Channel channel,
        Category category,
        Priority priority,
        CustomerId customer,
        StorefrontId storefront,
        OrderId order,
        InquiryId followUpOf,
        String subject,
        String firstMessage,
        String authorName,
        String openedBy,
        SlaPolicy.Due due,
        Instant at) {}
