package com.aftercare.domain.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events a storefront can subscribe to, by the names they carry on the wire ({@code type}). */
public enum WebhookEvent {
    CLAIM_OPENED("claim.opened"),
    CLAIM_APPROVED("claim.approved"),
    CLAIM_REJECTED("claim.rejected"),
    CLAIM_REFUND_RECORDED("claim.refund_recorded"),
    CLAIM_EXCHANGE_REQUESTED("claim.exchange_requested"),
    CLAIM_CLOSED("claim.closed"),
    INQUIRY_OPENED("inquiry.opened"),
    INQUIRY_RESOLVED("inquiry.resolved"),
    INQUIRY_MESSAGE_SENT("inquiry.message_sent"),
    COUPON_ISSUED("coupon.issued"),
    CUSTOMER_OPTED_OUT("customer.opted_out");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> ofWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEvent::wireName).toList();
    }
}
