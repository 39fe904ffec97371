package com.aftercare.returns;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import java.time.Instant;

/** One claim in a list (an order's claims, a customer's timeline). */
public record ClaimSummary(
        String rma,
        RequestType type,
        ReturnReason reason,
        ClaimStatus status,
        String orderNumber,
        Instant requestedAt,
        Instant resolvedAt) {}
