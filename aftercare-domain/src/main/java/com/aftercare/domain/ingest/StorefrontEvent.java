package com.aftercare.domain.ingest;

import com.aftercare.domain.coupon.CouponCode;
import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.customer.PersonalDetails;
import com.aftercare.domain.order.LineItem;
import com.aftercare.domain.order.Milestone;
import com.aftercare.domain.order.OrderAmounts;
import com.aftercare.domain.order.OrderEvents;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.Shipping;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
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
    public sealed interface Payload
            permits OrderPlaced,
                    OrderProgressed,
                    OrderRefunded,
                    CustomerRegistered,
                    CustomerUpdated,
                    ConsentChanged,
                    CouponRedeemed {
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

    /**
     * A yes or no to promotional mail, with the wording the customer saw when saying yes.
     *
     * @param decidedAt when the customer decided, when the storefront knows (Shopify's
     *     {@code consent_updated_at}); else the event's time counts
     */
    public record ConsentStatement(boolean granted, String wording, Instant decidedAt) {
        public ConsentStatement {
            if (granted && (wording == null || wording.isBlank())) {
                throw new InvalidValue(
                        "marketingConsent.wording", "must state the consent text the customer agreed to");
            }
        }

        public ConsentStatement(boolean granted, String wording) {
            this(granted, wording, null);
        }
    }

    /** @param externalId the storefront's own id of the order besides its number (Shopify's order id), or null */
    public record OrderPlaced(
            OrderNumber number,
            Customer customer,
            Currency currency,
            List<LineItem> lines,
            long shippingFee,
            long discount,
            String paymentMethod,
            Shipping shipping,
            String externalId)
            implements Payload {

        public OrderPlaced {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(currency, "currency");
            OrderAmounts.requireSane(lines, shippingFee, discount);
            lines = List.copyOf(lines);
            externalId = reference("order.id", externalId);
        }

        public OrderPlaced(
                OrderNumber number,
                Customer customer,
                Currency currency,
                List<LineItem> lines,
                long shippingFee,
                long discount,
                String paymentMethod,
                Shipping shipping) {
            this(number, customer, currency, lines, shippingFee, discount, paymentMethod, shipping, null);
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

    /**
     * Money given back at the storefront, once per refund of its own. The order is named by its
     * number or, when the storefront names it only so (a Shopify refund), by its own id of the order.
     *
     * @param amount the money that went back, in major units of the order's currency (exact)
     * @param lines the products it was for, when the storefront says
     */
    public record OrderRefunded(
            OrderNumber number,
            String orderRef,
            String refundRef,
            java.math.BigDecimal amount,
            Instant refundedAt,
            List<OrderEvents.RefundedLine> lines,
            String note)
            implements Payload {

        public OrderRefunded {
            orderRef = reference("refund.order_id", orderRef);
            if (number == null && orderRef == null) {
                throw new InvalidValue("refund.order_id", "must name the order");
            }
            refundRef = reference("refund.id", refundRef);
            if (refundRef == null) {
                throw new InvalidValue("refund.id", "is required");
            }
            Objects.requireNonNull(amount, "amount");
            if (amount.signum() < 0) {
                throw new InvalidValue("refund.amount", "must not be negative");
            }
            Objects.requireNonNull(refundedAt, "refundedAt");
            lines = lines == null ? List.of() : List.copyOf(lines);
            note = Text.line("refund.note", note, 2000);
        }

        @Override
        public String type() {
            return "order.refunded";
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

    /** What the storefront knows about a customer changed; unlike a registration, nothing starts. */
    public record CustomerUpdated(Customer customer) implements Payload {

        public CustomerUpdated {
            Objects.requireNonNull(customer, "customer");
        }

        @Override
        public String type() {
            return "customer.updated";
        }
    }

    /**
     * A customer's yes or no to promotional mail on its own, named by the storefront's customer id
     * (and the email, when the storefront sends it). A customer not known yet is waited for.
     */
    public record ConsentChanged(String customerRef, EmailAddress email, ConsentStatement statement)
            implements Payload {

        public ConsentChanged {
            customerRef = reference("customer_id", customerRef);
            if (customerRef == null) {
                throw new InvalidValue("customer_id", "is required");
            }
            Objects.requireNonNull(statement, "statement");
        }

        @Override
        public String type() {
            return "customer.consent_changed";
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

    /** A storefront's own id of something (an order, a refund, a customer): 1-100 characters, or null. */
    private static String reference(String field, String value) {
        return Text.line(field, value, 100);
    }
}
