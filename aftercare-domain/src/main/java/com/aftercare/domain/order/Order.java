package com.aftercare.domain.order;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An order of one storefront, keyed by (storefront, order number). Storefront events move it
 * forward through {@link OrderStatus}; an event that arrives late is recorded in the history
 * and its timestamp kept, but never moves the order backwards.
 */
@Entity
@Table(name = "customer_order")
public class Order {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "storefront_id", nullable = false)
    private Long storefrontId;

    @Column(name = "order_number", nullable = false)
    private String orderNumber;

    /** The storefront's own id of the order (Shopify's order id), when it has one besides the number. */
    @Column(name = "external_id", updatable = false)
    private String externalId;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(nullable = false)
    private String currency;

    @Column(name = "subtotal_minor", nullable = false)
    private long subtotalMinor;

    @Column(name = "shipping_fee_minor", nullable = false)
    private long shippingFeeMinor;

    @Column(name = "discount_minor", nullable = false)
    private long discountMinor;

    @Column(name = "total_minor", nullable = false)
    private long totalMinor;

    @Column(name = "refunded_minor", nullable = false)
    private long refundedMinor;

    @Column(name = "payment_method")
    private String paymentMethod;

    @Column(name = "ship_recipient_name")
    private String shipRecipientName;

    @Column(name = "ship_postal_code")
    private String shipPostalCode;

    @Column(name = "ship_prefecture")
    private String shipPrefecture;

    @Column(name = "ship_address")
    private String shipAddress;

    @Column(name = "ship_phone")
    private String shipPhone;

    @Column(nullable = false)
    private boolean discreet;

    private String carrier;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "shipped_at")
    private Instant shippedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("occurredAt, id")
    private List<OrderHistoryEntry> history = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("refundedAt, id")
    private List<OrderRefund> refunds = new ArrayList<>();

    protected Order() {}

    /**
     * What placing an order needs; the amounts other than the lines default to zero.
     *
     * @param externalId the storefront's own id of the order besides its number, or null
     */
    public record Placement(
            StorefrontId storefront,
            OrderNumber number,
            CustomerId customer,
            Currency currency,
            List<LineItem> lines,
            long shippingFee,
            long discount,
            String paymentMethod,
            Shipping shipping,
            String eventId,
            Instant placedAt,
            String externalId) {

        public Placement {
            Objects.requireNonNull(storefront, "storefront");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(placedAt, "placedAt");
            OrderAmounts.requireSane(lines, shippingFee, discount);
            lines = List.copyOf(lines);
            shipping = shipping == null ? Shipping.none() : shipping;
        }
    }

    public static Order place(Placement placement, Instant now) {
        Order order = new Order();
        order.storefrontId = placement.storefront().value();
        order.orderNumber = placement.number().value();
        order.externalId = placement.externalId();
        order.customerId = placement.customer().value();
        order.status = OrderStatus.PLACED;
        order.currency = placement.currency().getCurrencyCode();
        int lineNo = 1;
        for (LineItem item : placement.lines()) {
            order.lines.add(new OrderLine(lineNo++, item));
        }
        order.subtotalMinor =
                order.lines.stream().mapToLong(OrderLine::amountMinor).reduce(0, Math::addExact);
        order.shippingFeeMinor = placement.shippingFee();
        order.discountMinor = placement.discount();
        order.totalMinor = Math.max(
                0, Math.subtractExact(Math.addExact(order.subtotalMinor, order.shippingFeeMinor), order.discountMinor));
        order.paymentMethod = placement.paymentMethod();
        Shipping shipping = placement.shipping();
        order.shipRecipientName = shipping.recipientName();
        order.shipPostalCode = shipping.postalCode();
        order.shipPrefecture = shipping.prefecture();
        order.shipAddress = shipping.address();
        order.shipPhone = shipping.phone();
        order.discreet = shipping.discreet();
        order.placedAt = placement.placedAt();
        order.createdAt = now;
        order.updatedAt = now;
        order.history.add(new OrderHistoryEntry(
                placement.eventId(), "order.placed", placement.placedAt(), now, null, OrderStatus.PLACED, null));
        return order;
    }

    /** What {@link #record} did: whether the status moved, and where it stands. */
    public record Progress(OrderStatus from, OrderStatus to, boolean moved) {}

    /**
     * Records a milestone reported by the storefront. Its time is kept even when it comes late;
     * the status moves only forward, and not at all once the order is cancelled. A delivered
     * order cannot be cancelled: taking it back is a return, not a cancellation.
     */
    public Progress record(
            Milestone milestone,
            String eventId,
            Instant occurredAt,
            Instant now,
            String carrier,
            String trackingNumber) {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(occurredAt, "occurredAt");
        OrderStatus before = status;
        switch (milestone) {
            case PAID -> paidAt = earliest(paidAt, occurredAt);
            case SHIPPED -> {
                shippedAt = earliest(shippedAt, occurredAt);
                if (carrier != null) {
                    this.carrier = carrier;
                }
                if (trackingNumber != null) {
                    this.trackingNumber = trackingNumber;
                }
            }
            case DELIVERED -> deliveredAt = earliest(deliveredAt, occurredAt);
            case CANCELLED -> {
                if (status != OrderStatus.DELIVERED) {
                    cancelledAt = earliest(cancelledAt, occurredAt);
                }
            }
        }
        String note = null;
        if (status == OrderStatus.CANCELLED) {
            note = "recorded; the order is cancelled";
        } else if (milestone == Milestone.CANCELLED && status == OrderStatus.DELIVERED) {
            note = "ignored; a delivered order cannot be cancelled";
        } else if (milestone.reaches().isAfter(status)) {
            status = milestone.reaches();
        } else {
            note = "recorded late; status kept";
        }
        updatedAt = now;
        history.add(new OrderHistoryEntry(eventId, milestone.eventType(), occurredAt, now, before, status, note));
        return new Progress(before, status, before != status);
    }

    /**
     * Records money the storefront gave back, once per refund of its own: a refund already recorded
     * changes nothing. The status stays; the history says what went back.
     *
     * @return false when this refund was recorded before
     */
    public boolean recordRefund(StorefrontRefund refund, String eventId, Instant now) {
        Objects.requireNonNull(refund, "refund");
        if (refunds.stream().anyMatch(r -> r.refundRef().equals(refund.ref()))) {
            return false;
        }
        if (!refund.amount().currency().equals(currency())) {
            throw new InvalidValue("refund.amount", "must be in the order's currency " + currency);
        }
        long refunded;
        try {
            refunded = Math.addExact(refundedMinor, refund.amount().minor());
        } catch (ArithmeticException e) {
            throw new InvalidValue("refund.amount", "makes the refunded total too large");
        }
        refunds.add(new OrderRefund(refund.ref(), refund.amount().minor(), refund.at(), now, refund.note()));
        refundedMinor = refunded;
        updatedAt = now;
        String note = refund.amount().formatted() + " refunded (refund " + refund.ref() + ")";
        history.add(new OrderHistoryEntry(eventId, "order.refunded", refund.at(), now, status, status, note));
        return true;
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    public OrderId id() {
        return new OrderId(id);
    }

    public StorefrontId storefront() {
        return new StorefrontId(storefrontId);
    }

    public OrderNumber number() {
        return new OrderNumber(orderNumber);
    }

    /** Everything the storefront gave back on this order so far. */
    public Money refunded() {
        return new Money(refundedMinor, currency());
    }

    public CustomerId customer() {
        return new CustomerId(customerId);
    }

    public OrderStatus status() {
        return status;
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public Money subtotal() {
        return new Money(subtotalMinor, currency());
    }

    public Money shippingFee() {
        return new Money(shippingFeeMinor, currency());
    }

    public Money discount() {
        return new Money(discountMinor, currency());
    }

    public Money total() {
        return new Money(totalMinor, currency());
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public Shipping shipping() {
        return new Shipping(shipRecipientName, shipPostalCode, shipPrefecture, shipAddress, shipPhone, discreet);
    }

    public boolean isDiscreet() {
        return discreet;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant shippedAt() {
        return shippedAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public List<OrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<OrderHistoryEntry> history() {
        return Collections.unmodifiableList(history);
    }
}
