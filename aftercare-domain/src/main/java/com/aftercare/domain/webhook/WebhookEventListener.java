package com.aftercare.domain.webhook;

import com.aftercare.domain.claim.ClaimEvents.ClaimApproved;
import com.aftercare.domain.claim.ClaimEvents.ClaimClosed;
import com.aftercare.domain.claim.ClaimEvents.ClaimExchangeRequested;
import com.aftercare.domain.claim.ClaimEvents.ClaimOpened;
import com.aftercare.domain.claim.ClaimEvents.ClaimRefundRecorded;
import com.aftercare.domain.claim.ClaimEvents.ClaimRejected;
import com.aftercare.domain.consent.MarketingConsent.ConsentWithdrawn;
import com.aftercare.domain.coupon.CouponEvents.CouponIssued;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.inquiry.InquiryEvents.ChatReplySent;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryOpened;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryResolved;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.webhook.WebhookPayloads.ClaimFacts;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears the domain events a storefront can subscribe to and queues their deliveries. A plain,
 * synchronous listener on purpose: the rows are written in the transaction that made the change,
 * so a claim approved is a delivery queued, and a rollback queues nothing. Everything a payload
 * holds comes with the event; an event about a customer rather than an order (an opt-out, a
 * coupon good everywhere, an inquiry without a storefront) goes to the storefronts that know the
 * customer.
 */
@Component
class WebhookEventListener {

    private final WebhookOutbox outbox;

    WebhookEventListener(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(ClaimOpened e) {
        claim(
                WebhookEvent.CLAIM_OPENED,
                e.openedAt(),
                new ClaimFacts(
                        e.claim(),
                        e.rma(),
                        e.type(),
                        e.reason(),
                        e.storefront(),
                        e.order(),
                        e.customer(),
                        e.details()));
    }

    @EventListener
    void on(ClaimApproved e) {
        claim(
                WebhookEvent.CLAIM_APPROVED,
                e.approvedAt(),
                new ClaimFacts(
                        e.claim(), e.rma(), e.type(), null, e.storefront(), e.order(), e.customer(), e.details()));
    }

    @EventListener
    void on(ClaimRejected e) {
        claim(
                WebhookEvent.CLAIM_REJECTED,
                e.rejectedAt(),
                new ClaimFacts(
                        e.claim(), e.rma(), e.type(), null, e.storefront(), e.order(), e.customer(), e.details()));
    }

    @EventListener
    void on(ClaimRefundRecorded e) {
        claim(
                WebhookEvent.CLAIM_REFUND_RECORDED,
                e.recordedAt(),
                new ClaimFacts(
                        e.claim(), e.rma(), e.type(), null, e.storefront(), e.order(), e.customer(), e.details()));
    }

    @EventListener
    void on(ClaimExchangeRequested e) {
        claim(
                WebhookEvent.CLAIM_EXCHANGE_REQUESTED,
                e.requestedAt(),
                new ClaimFacts(
                        e.claim(), e.rma(), e.type(), null, e.storefront(), e.order(), e.customer(), e.details()));
    }

    @EventListener
    void on(ClaimClosed e) {
        claim(
                WebhookEvent.CLAIM_CLOSED,
                e.closedAt(),
                new ClaimFacts(
                        e.claim(), e.rma(), e.type(), null, e.storefront(), e.order(), e.customer(), e.details()));
    }

    @EventListener
    void on(InquiryOpened e) {
        Map<String, Object> more = new HashMap<>();
        more.put("channel", e.channel());
        more.put("category", e.category());
        more.put("followUpOf", e.followUpOf() == null ? null : e.followUpOf().value());
        more.put("openedAt", e.openedAt().toString());
        outbox.enqueue(
                WebhookEvent.INQUIRY_OPENED,
                inquiryAudience(e.storefront(), e.order()),
                e.openedAt(),
                WebhookPayloads.inquiry(e.inquiry(), e.reference(), e.customer(), e.storefront(), e.order(), more));
    }

    @EventListener
    void on(InquiryResolved e) {
        Map<String, Object> more = new HashMap<>();
        more.put("resolvedBy", e.resolvedBy());
        more.put("resolvedAt", e.resolvedAt().toString());
        outbox.enqueue(
                WebhookEvent.INQUIRY_RESOLVED,
                inquiryAudience(e.storefront(), e.order()),
                e.resolvedAt(),
                WebhookPayloads.inquiry(e.inquiry(), e.reference(), e.customer(), e.storefront(), e.order(), more));
    }

    /** Only to the inquiry's own storefront: its chat is where the customer waits for the answer. */
    @EventListener
    void on(ChatReplySent e) {
        outbox.enqueue(
                WebhookEvent.INQUIRY_MESSAGE_SENT,
                List.of(e.storefront()),
                e.sentAt(),
                WebhookPayloads.chatReply(e),
                ChatReplySent.deliverySubject(e.messageId()));
    }

    @EventListener
    void on(CouponIssued e) {
        outbox.enqueue(
                WebhookEvent.COUPON_ISSUED,
                audience(e.storefront(), e.customer()),
                e.issuedAt(),
                WebhookPayloads.coupon(e));
    }

    @EventListener
    void on(ConsentWithdrawn e) {
        outbox.enqueue(
                WebhookEvent.CUSTOMER_OPTED_OUT,
                outbox.storefrontsOf(e.customer()),
                e.at(),
                WebhookPayloads.optedOut(e.customer(), e.email(), e.at(), e.source()));
    }

    private void claim(WebhookEvent type, Instant at, ClaimFacts facts) {
        outbox.enqueue(type, List.of(facts.storefront()), at, WebhookPayloads.claim(facts));
    }

    /**
     * An inquiry is told to its storefront, or to its order's; one opened in the console about no
     * order belongs to no storefront (the read API does not list it either), so no storefront
     * learns of an inquiry made at another.
     */
    private List<StorefrontId> inquiryAudience(StorefrontId storefront, OrderId order) {
        if (storefront != null) {
            return List.of(storefront);
        }
        return order == null ? List.of() : outbox.storefrontOf(order).stream().toList();
    }

    private List<StorefrontId> audience(StorefrontId storefront, CustomerId customer) {
        if (storefront != null) {
            return List.of(storefront);
        }
        return customer == null ? List.of() : outbox.storefrontsOf(customer);
    }
}
