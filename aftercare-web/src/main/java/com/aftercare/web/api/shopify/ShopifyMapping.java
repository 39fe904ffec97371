package com.aftercare.web.api.shopify;

import static com.aftercare.web.api.shopify.ShopifyFields.firstText;
import static com.aftercare.web.api.shopify.ShopifyFields.require;
import static com.aftercare.web.api.shopify.ShopifyFields.text;

import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.ingest.StorefrontEvent;
import com.aftercare.domain.order.Milestone;
import com.aftercare.domain.order.Money;
import com.aftercare.domain.order.OrderEvents.RefundedLine;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.web.api.shopify.ShopifyPayloads.Fulfillment;
import com.aftercare.web.api.shopify.ShopifyPayloads.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a Shopify webhook into the storefront event our own API would send for the same thing, so
 * it goes through the one ingestion. The order number is Shopify's {@code name} ({@code #1001}),
 * what the customer sees. A payload that does not show what its topic claims (an orders/cancelled
 * without {@code cancelled_at}, a fulfilment not yet shipped) changes nothing: the body is what
 * Shopify signed, the topic header is not. Complaints name Shopify's own fields.
 */
final class ShopifyMapping {

    private static final Set<String> PAID = Set.of("paid", "partially_refunded", "refunded");

    private ShopifyMapping() {}

    /** What a webhook becomes: an event to ingest, or why it changes nothing. */
    record Result(StorefrontEvent event, String ignoredBecause) {

        static Result of(StorefrontEvent event) {
            return new Result(event, null);
        }

        static Result ignored(String because) {
            return new Result(null, because);
        }
    }

    /**
     * What mapping needs besides the payload.
     *
     * @param eventId the idempotency key: Shopify's webhook id
     * @param triggeredAt when Shopify says it fired, for a payload without a time of its own
     * @param paymentMethods the storefront's gateway mapping
     */
    record Context(String eventId, Instant triggeredAt, Function<List<String>, String> paymentMethods) {}

    static Result map(ShopifyTopic topic, Object payload, Context context) {
        return switch (topic) {
            case ORDERS_CREATE -> placed((Order) payload, context);
            case ORDERS_PAID -> paid((Order) payload, context);
            case ORDERS_FULFILLED -> fulfilled((Order) payload, context);
            case ORDERS_CANCELLED -> cancelled((Order) payload, context);
            case FULFILLMENTS_CREATE -> shipped((Fulfillment) payload, context);
            case FULFILLMENTS_UPDATE -> delivered((Fulfillment) payload, context);
            case REFUNDS_CREATE -> refunded((ShopifyPayloads.Refund) payload, context);
            case CUSTOMERS_CREATE, CUSTOMERS_UPDATE -> customer(topic, (ShopifyPayloads.Customer) payload, context);
            case CUSTOMERS_EMAIL_MARKETING_CONSENT_UPDATE -> consent((ShopifyPayloads.ConsentUpdate) payload, context);
        };
    }

    private static Result placed(Order order, Context context) {
        String email = firstText(order.email(), order.contactEmail());
        var customer = ShopifyCustomers.of(order.customer(), email, order.shippingAddress(), order.phone());
        if (customer.isEmpty()) {
            return Result.ignored("the order has no email address: Aftercare knows customers by their email");
        }
        Currency currency = Money.currency(require("currency", order.currency()));
        StorefrontEvent.OrderPlaced placed = new StorefrontEvent.OrderPlaced(
                number(order.name()),
                customer.get(),
                currency,
                ShopifyOrderParts.lines(order.lineItems(), currency),
                ShopifyOrderParts.shippingFee(order, currency),
                ShopifyOrderParts.amount(order.totalDiscounts(), currency, "total_discounts"),
                context.paymentMethods().apply(order.paymentGatewayNames()),
                ShopifyOrderParts.shipping(order),
                String.valueOf(require("id", order.id())));
        return event(context, at(order.processedAt(), order.createdAt()), placed);
    }

    private static Result paid(Order order, Context context) {
        if (order.financialStatus() == null || !PAID.contains(order.financialStatus())) {
            return Result.ignored("financial_status " + order.financialStatus() + " is not paid");
        }
        return progressed(order, Milestone.PAID, at(order.updatedAt(), order.processedAt()), null, null, context);
    }

    private static Result fulfilled(Order order, Context context) {
        if (!"fulfilled".equals(order.fulfillmentStatus())) {
            return Result.ignored("fulfillment_status " + order.fulfillmentStatus() + " is not fulfilled");
        }
        List<Fulfillment> fulfillments = order.fulfillments() == null ? List.of() : order.fulfillments();
        Fulfillment last = fulfillments.stream()
                .filter(f -> trackingNumber(f) != null)
                .reduce((first, second) -> second)
                .orElse(null);
        Instant at =
                last == null ? at(order.updatedAt(), order.processedAt()) : at(last.createdAt(), order.updatedAt());
        return progressed(
                order,
                Milestone.SHIPPED,
                at,
                last == null ? null : last.trackingCompany(),
                last == null ? null : trackingNumber(last),
                context);
    }

    private static Result cancelled(Order order, Context context) {
        if (order.cancelledAt() == null) {
            return Result.ignored("cancelled_at is empty: the order is not cancelled");
        }
        return progressed(order, Milestone.CANCELLED, order.cancelledAt().toInstant(), null, null, context);
    }

    private static Result progressed(
            Order order, Milestone milestone, Instant at, String carrier, String tracking, Context context) {
        return event(
                context,
                at,
                new StorefrontEvent.OrderProgressed(
                        number(order.name()),
                        milestone,
                        text("tracking_company", carrier, 50),
                        text("tracking_number", tracking, 64)));
    }

    /**
     * A fulfilment shipped (status {@code success}): the order ships with the first one, and every
     * later one records its carrier and tracking number. One still pending or cancelled changes nothing.
     */
    private static Result shipped(Fulfillment fulfillment, Context context) {
        if (!"success".equals(fulfillment.status())) {
            return Result.ignored("fulfillment status " + fulfillment.status() + " has not shipped");
        }
        return event(
                context,
                at(fulfillment.createdAt(), fulfillment.updatedAt()),
                new StorefrontEvent.OrderProgressed(
                        orderNumberOf(fulfillment),
                        Milestone.SHIPPED,
                        text("tracking_company", fulfillment.trackingCompany(), 50),
                        text("tracking_number", trackingNumber(fulfillment), 64)));
    }

    /** A fulfilment the carrier delivered: the order is delivered with the first such fulfilment. */
    private static Result delivered(Fulfillment fulfillment, Context context) {
        if (!"delivered".equals(fulfillment.shipmentStatus())) {
            return Result.ignored("shipment_status " + fulfillment.shipmentStatus() + " is not delivered");
        }
        return event(
                context,
                at(fulfillment.updatedAt(), fulfillment.createdAt()),
                new StorefrontEvent.OrderProgressed(orderNumberOf(fulfillment), Milestone.DELIVERED, null, null));
    }

    /**
     * The money that went back is the sum of the refund's successful refund transactions (what
     * Shopify paid out), not the lines' value: a partial refund may return less than a line.
     */
    private static Result refunded(ShopifyPayloads.Refund refund, Context context) {
        BigDecimal amount = BigDecimal.ZERO;
        List<ShopifyPayloads.Transaction> transactions =
                refund.transactions() == null ? List.of() : refund.transactions();
        for (int i = 0; i < transactions.size(); i++) {
            ShopifyPayloads.Transaction t = transactions.get(i);
            if ("refund".equals(t.kind()) && "success".equals(t.status())) {
                amount = amount.add(ShopifyOrderParts.decimal(t.amount(), "transactions[" + i + "].amount"));
            }
        }
        List<RefundedLine> lines = new ArrayList<>();
        if (refund.refundLineItems() != null) {
            for (ShopifyPayloads.RefundLineItem item : refund.refundLineItems()) {
                if (item != null && item.lineItem() != null && item.quantity() != null && item.quantity() > 0) {
                    lines.add(new RefundedLine(ShopifyOrderParts.sku(item.lineItem()), item.quantity()));
                }
            }
        }
        Instant at = at(refund.processedAt(), refund.createdAt());
        return event(
                context,
                at,
                new StorefrontEvent.OrderRefunded(
                        null,
                        String.valueOf(require("order_id", refund.orderId())),
                        String.valueOf(require("id", refund.id())),
                        amount,
                        at,
                        lines,
                        refund.note()));
    }

    private static Result customer(ShopifyTopic topic, ShopifyPayloads.Customer payload, Context context) {
        var customer = ShopifyCustomers.of(payload, null, null, null);
        if (customer.isEmpty()) {
            return Result.ignored("the customer has no email address: Aftercare knows customers by their email");
        }
        boolean created = topic == ShopifyTopic.CUSTOMERS_CREATE;
        StorefrontEvent.Payload event = created
                ? new StorefrontEvent.CustomerRegistered(customer.get())
                : new StorefrontEvent.CustomerUpdated(customer.get());
        Instant at =
                created ? at(payload.createdAt(), payload.updatedAt()) : at(payload.updatedAt(), payload.createdAt());
        return event(context, at == null ? context.triggeredAt() : at, event);
    }

    private static Result consent(ShopifyPayloads.ConsentUpdate update, Context context) {
        StorefrontEvent.ConsentStatement statement = ShopifyCustomers.consent(update.emailMarketingConsent());
        if (statement == null) {
            String state = update.emailMarketingConsent() == null
                    ? null
                    : update.emailMarketingConsent().state();
            return Result.ignored("email marketing state " + state + " is no decision of the customer's");
        }
        EmailAddress email =
                update.emailAddress() == null || update.emailAddress().isBlank()
                        ? null
                        : EmailAddress.of(update.emailAddress());
        Instant at = statement.decidedAt() == null ? context.triggeredAt() : statement.decidedAt();
        return event(
                context,
                at,
                new StorefrontEvent.ConsentChanged(
                        String.valueOf(require("customer_id", update.customerId())), email, statement));
    }

    private static Result event(Context context, Instant at, StorefrontEvent.Payload payload) {
        return Result.of(new StorefrontEvent(context.eventId(), at == null ? context.triggeredAt() : at, payload));
    }

    /** A fulfilment's name is its order's name and its own number: #1001.1 is order #1001's first. */
    private static OrderNumber orderNumberOf(Fulfillment fulfillment) {
        String name = require("name", firstText(fulfillment.name()));
        int dot = name.lastIndexOf('.');
        return number(dot > 0 ? name.substring(0, dot) : name);
    }

    private static OrderNumber number(String name) {
        try {
            return new OrderNumber(require("name", firstText(name)));
        } catch (InvalidValue e) {
            throw new InvalidValue("name", e.getMessage());
        }
    }

    private static String trackingNumber(Fulfillment fulfillment) {
        String single = firstText(fulfillment.trackingNumber());
        if (single != null || fulfillment.trackingNumbers() == null) {
            return single;
        }
        return fulfillment.trackingNumbers().stream()
                .map(ShopifyFields::firstText)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static Instant at(OffsetDateTime preferred, OffsetDateTime otherwise) {
        OffsetDateTime at = preferred != null ? preferred : otherwise;
        return at == null ? null : at.toInstant();
    }
}
