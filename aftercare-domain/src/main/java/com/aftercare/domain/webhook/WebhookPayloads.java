package com.aftercare.domain.webhook;

import com.aftercare.domain.claim.ClaimEvents.ClaimDetails;
import com.aftercare.domain.claim.ClaimId;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.coupon.CouponEvents.CouponIssued;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.inquiry.InquiryEvents.ChatReplySent;
import com.aftercare.domain.inquiry.InquiryId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of each webhook, written out field by field so the wire format is a contract
 * of its own and not whatever the event records happen to look like. Claims carry their lines
 * (with the exchange wish), the refund's route and amounts, so a receiver acts without calling
 * back. Amounts are integer yen; times ISO-8601 UTC.
 */
final class WebhookPayloads {

    private WebhookPayloads() {}

    /** The claim part shared by every claim event. */
    record ClaimFacts(
            ClaimId claim,
            String rma,
            RequestType type,
            ReturnReason reason,
            StorefrontId storefront,
            OrderId order,
            CustomerId customer,
            ClaimDetails details) {}

    static Map<String, Object> claim(ClaimFacts c) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("id", c.claim().value());
        claim.put("rma", c.rma());
        claim.put("type", c.type().name());
        if (c.reason() != null) {
            claim.put("reason", c.reason().name());
        }
        ClaimDetails d = c.details();
        claim.put("status", d == null ? null : d.status());
        claim.put("storefrontId", c.storefront().value());
        claim.put("orderId", c.order().value());
        claim.put("orderNumber", d == null ? null : d.orderNumber());
        claim.put("customerId", c.customer().value());
        claim.put("currency", d == null ? "JPY" : d.currency());
        claim.put(
                "lines",
                d == null
                        ? List.of()
                        : d.lines().stream().map(WebhookPayloads::line).toList());
        claim.put("refund", d == null || d.refund() == null ? null : refund(d.refund()));
        claim.put("rejectionReason", d == null ? null : d.rejectionReason());
        claim.put("exchangeTracking", d == null ? null : d.exchangeTracking());
        return Map.of("claim", claim);
    }

    private static Map<String, Object> line(ClaimDetails.Line l) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("orderLineNo", l.orderLineNo());
        line.put("sku", l.sku());
        line.put("productName", l.productName());
        line.put("quantity", l.quantity());
        line.put("unitPriceYen", l.unitPriceYen());
        line.put("amountYen", l.amountYen());
        line.put("exchangeSku", l.exchangeSku());
        return line;
    }

    private static Map<String, Object> refund(ClaimDetails.Refund r) {
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("settlement", r.settlement());
        refund.put("route", r.route());
        refund.put("paymentMethod", r.paymentMethod());
        refund.put("linesYen", r.linesYen());
        refund.put("restockingFeeYen", r.restockingFeeYen());
        refund.put("returnShippingYen", r.returnShippingYen());
        refund.put("amountYen", r.totalYen());
        refund.put("couponCode", r.couponCode());
        return refund;
    }

    static Map<String, Object> inquiry(
            InquiryId inquiry,
            String reference,
            CustomerId customer,
            StorefrontId storefront,
            OrderId order,
            Map<String, Object> more) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", inquiry.value());
        data.put("reference", reference);
        data.put("customerId", customer == null ? null : customer.value());
        data.put("storefrontId", storefront == null ? null : storefront.value());
        data.put("orderId", order == null ? null : order.value());
        data.putAll(more);
        return Map.of("inquiry", data);
    }

    /**
     * An operator's chat reply, with only what the storefront's chat can use: the inquiry's
     * reference and the storefront's own conversation and customer ids, never our internal ids
     * (the message id is there to deduplicate and to order).
     */
    static Map<String, Object> chatReply(ChatReplySent e) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", e.messageId());
        message.put("body", e.body());
        message.put("authorName", e.authorName());
        message.put("sentAt", e.sentAt().toString());
        Map<String, Object> inquiry = new LinkedHashMap<>();
        inquiry.put("reference", e.reference());
        inquiry.put("conversationId", e.conversationId());
        inquiry.put("customerId", e.storefrontCustomerId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("inquiry", inquiry);
        data.put("message", message);
        return data;
    }

    static Map<String, Object> coupon(CouponIssued c) {
        Map<String, Object> coupon = new LinkedHashMap<>();
        coupon.put("code", c.code().display());
        coupon.put("campaignId", c.campaign().value());
        coupon.put("purpose", c.purpose().name());
        coupon.put("customerId", c.customer().value());
        coupon.put("email", c.email());
        coupon.put(
                "storefrontId", c.storefront() == null ? null : c.storefront().value());
        coupon.put("discountKind", c.discountKind());
        coupon.put("discountValue", c.discountValue());
        coupon.put("minimumSpendYen", c.minimumSpendYen());
        coupon.put("expiresAt", c.expiresAt() == null ? null : c.expiresAt().toString());
        coupon.put("singleUse", c.singleUse());
        coupon.put("source", c.source());
        coupon.put("issuedAt", c.issuedAt().toString());
        return Map.of("coupon", coupon);
    }

    static Map<String, Object> optedOut(CustomerId customer, String email, Instant at, String source) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", customer.value());
        data.put("email", email);
        data.put("optedOutAt", at.toString());
        data.put("source", source);
        return Map.of("customer", data);
    }
}
