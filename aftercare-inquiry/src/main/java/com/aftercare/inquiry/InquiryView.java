package com.aftercare.inquiry;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.inquiry.InquiryId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import java.util.List;

/** An inquiry as the console and the API read it: its state, due times, messages and trail. */
public record InquiryView(
        InquiryId id,
        String reference,
        InquiryStatus status,
        Channel channel,
        Category category,
        Priority priority,
        String subject,
        CustomerId customer,
        StorefrontId storefront,
        OrderId order,
        String followUpOfReference,
        Long assigneeOperatorId,
        Instant firstResponseDueAt,
        Instant resolutionDueAt,
        Instant firstRespondedAt,
        Instant resolvedAt,
        Instant closedAt,
        boolean flagged,
        String flagReason,
        // an early warning's code (EarlyWarning.Code), its argument in flagReason; null: an operator's words
        String flagCode,
        Instant createdAt,
        Instant updatedAt,
        List<MessageView> messages,
        List<TrailView> trail,
        String team,
        ChannelDetails details) {}
