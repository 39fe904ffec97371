package com.aftercare.inquiry;

import java.time.Instant;

/**
 * What an automation's conditions look at, read from one inquiry: its fields, the text the
 * customer wrote (subject and their messages) and the customer's value (the sum of their orders
 * that were not cancelled, in yen).
 */
record InquiryFacts(
        long id,
        String reference,
        InquiryStatus status,
        Channel channel,
        Category category,
        Priority priority,
        Long storefrontId,
        String customerText,
        long customerValue,
        Instant createdAt,
        Instant updatedAt,
        Instant waitingSince,
        Instant firstResponseDueAt,
        Instant firstRespondedAt,
        Instant resolutionDueAt) {}
