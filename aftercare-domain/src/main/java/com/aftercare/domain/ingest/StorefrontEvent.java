package com.aftercare.domain.ingest;

import com.aftercare.domain.coupon.CouponCode;
import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.customer.PersonalDetails;
import com.aftercare.domain.order.LineItem;
import com.aftercare.domain.order.Milestone;
import com.aftercare.domain.order.Order;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.Shipping;
import com.aftercare.domain.shared.InvalidValue;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * One event a storefront sent, already checked and turned into domain values.
 *
 * @param id the storefront's own event id: the idempotency key
 * @param occurredAt when it happened at the storefront (not when it reached us)
 */
public record StorefrontEvent(String id, Instant occurredAt, Payload payload) {

    public StorefrontEvent {
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new InvalidValue("id", "must be 1-200 characters");
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    public String type() {
        return payload.type();
    }

    /** What the event says, by type. */
    public sealed interface Payload permits OrderPlaced, OrderProgressed, CustomerRegistered, CouponRedeemed {
        String type();
    }

    /**
     * The customer as a storefront describes them.
     *
     * @param marketingConsent what the customer chose about promotional mail at the storefront, if
     *     the storefront asked
     */
    public record Customer(
            EmailAddress email, PersonalDetails details, String externalId, ConsentStatement marketingConsent) {
        public Customer {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(details, "details");
        }

        public Customer(EmailAddress email, PersonalDetails details, String externalId) {
            this(email, details, externalId, null);
        }
    }

    /** A yes or no to promotional mail, with the wording the customer saw when saying yes. */
    public record ConsentStatement(boolean granted, String wording) {
        public ConsentStatement {
            if (granted && (wording == null || wording.isBlank())) {
                throw new InvalidValue(
                        "marketingConsent.wording", "must state the consent text the customer agreed to");
            }
        }
    }

    public record OrderPlaced(
            OrderNumber number,
            Customer customer,
            Currency currency,
            List<LineItem> lines,
            long shippingFee,
            long discount,
            String paymentMethod,
            Shipping shipping)
            implements Payload {

        public OrderPlaced {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(currency, "currency");
            Order.requireSaneAmounts(lines, shippingFee, discount);
            lines = List.copyOf(lines);
        }

        @Override
        public String type() {
            return "order.placed";
        }
    }

    public record OrderProgressed(OrderNumber number, Milestone milestone, String carrier, String trackingNumber)
            implements Payload {

        public OrderProgressed {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(milestone, "milestone");
        }

        @Override
        public String type() {
            return milestone.eventType();
        }
    }

    public record CustomerRegistered(Customer customer) implements Payload {

        public CustomerRegistered {
            Objects.requireNonNull(customer, "customer");
        }

        @Override
        public String type() {
            return "customer.registered";
        }
    }

    /**
     * A code used on one of the storefront's orders.
     *
     * @param orderTotalYen what the order came to, when the storefront says
     */
    public record CouponRedeemed(OrderNumber number, CouponCode code, long discountYen, Long orderTotalYen)
            implements Payload {

        public CouponRedeemed {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String type() {
            return "coupon.redeemed";
        }
    }
}
