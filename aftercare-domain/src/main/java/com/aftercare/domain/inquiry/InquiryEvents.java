package com.aftercare.domain.inquiry;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;

/**
 * What happens to an inquiry, published by the inquiry module inside the transaction that did it
 * and delivered durably to whoever listens (step mail may hold its mails while a customer has an
 * open inquiry, the timeline shows them). They live here so listeners never import the inquiry
 * module. Enumerations travel as their names for the same reason.
 */
public final class InquiryEvents {

    private InquiryEvents() {}

    /**
     * A new inquiry. {@code storefront} and {@code order} are null when unknown; {@code followUpOf}
     * is the closed inquiry a customer wrote to again, if any. {@code complaint}: the inquiry was
     * flagged as an unhappy customer's when it opened (words of complaint, a second contact about
     * the order within a week); step mail holds the customer's promotional mail while it is open.
     */
    public record InquiryOpened(
            InquiryId inquiry,
            String reference,
            CustomerId customer,
            StorefrontId storefront,
            OrderId order,
            String channel,
            String category,
            InquiryId followUpOf,
            Instant openedAt,
            boolean complaint) {}

    /** The customer wrote again; {@code reopened} when that took a resolved or waiting inquiry back to OPEN. */
    public record CustomerReplied(
            InquiryId inquiry, String reference, CustomerId customer, boolean reopened, Instant repliedAt) {}

    /**
     * An operator resolved the inquiry. {@code storefront} and {@code order} are null when unknown
     * (step mail's {@code inquiry.resolved} scenarios choose their audience by them). Published on
     * every resolution: an inquiry reopened by the customer is resolved again.
     */
    public record InquiryResolved(
            InquiryId inquiry,
            String reference,
            CustomerId customer,
            StorefrontId storefront,
            OrderId order,
            String resolvedBy,
            Instant resolvedAt) {}

    /**
     * An operator's reply to a CHAT inquiry of {@code storefront}, to be shown in the storefront's
     * own chat: it goes out as the webhook {@code inquiry.message_sent} instead of a mail.
     * {@code conversationId} and {@code storefrontCustomerId} are the storefront's own ids that
     * came with the inquiry (null when it sent none); {@code authorName} is the name the customer
     * sees (the operator's display name).
     */
    public record ChatReplySent(
            InquiryId inquiry,
            String reference,
            StorefrontId storefront,
            String conversationId,
            String storefrontCustomerId,
            long messageId,
            String body,
            String authorName,
            Instant sentAt) {

        /** The key the delivery of this reply is found by ({@code WebhookDeliveries.states}). */
        public static String deliverySubject(long messageId) {
            return "inquiry-message:" + messageId;
        }
    }
}
