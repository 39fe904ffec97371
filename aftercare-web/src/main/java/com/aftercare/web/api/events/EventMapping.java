package com.aftercare.web.api.events;

import com.aftercare.domain.coupon.CouponCode;
import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.customer.PersonalDetails;
import com.aftercare.domain.ingest.StorefrontEvent;
import com.aftercare.domain.order.LineItem;
import com.aftercare.domain.order.Milestone;
import com.aftercare.domain.order.Money;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.PaymentMethod;
import com.aftercare.domain.order.Shipping;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
import com.aftercare.web.api.events.EventRequest.CouponPayload;
import com.aftercare.web.api.events.EventRequest.CustomerPayload;
import com.aftercare.web.api.events.EventRequest.LinePayload;
import com.aftercare.web.api.events.EventRequest.OrderPayload;
import com.aftercare.web.api.events.EventRequest.ShippingPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns a wire event into domain values; every complaint names the JSON field it is about. */
final class EventMapping {

    static final Set<String> PAYMENT_METHODS = Set.copyOf(PaymentMethod.names());

    private static final Pattern POSTAL_CODE = Pattern.compile("^[0-9]{3}-?[0-9]{4}$");
    private static final Map<String, Milestone> MILESTONES = Map.of(
            "order.paid", Milestone.PAID,
            "order.shipped", Milestone.SHIPPED,
            "order.delivered", Milestone.DELIVERED,
            "order.cancelled", Milestone.CANCELLED);

    static final List<String> TYPES = List.of(
            "order.placed",
            "order.paid",
            "order.shipped",
            "order.delivered",
            "order.cancelled",
            "customer.registered",
            "coupon.redeemed");

    private EventMapping() {}

    static StorefrontEvent toDomain(EventRequest request) {
        text("id", request.id(), 200);
        StorefrontEvent.Payload payload;
        if ("order.placed".equals(request.type())) {
            payload = placed(require("order", request.order()));
        } else if (MILESTONES.containsKey(request.type())) {
            OrderPayload order = require("order", request.order());
            ShippingPayload shipping = order.shipping();
            payload = new StorefrontEvent.OrderProgressed(
                    number(order),
                    MILESTONES.get(request.type()),
                    shipping == null ? null : text("order.shipping.carrier", shipping.carrier(), 50),
                    shipping == null ? null : text("order.shipping.trackingNumber", shipping.trackingNumber(), 64));
        } else if ("customer.registered".equals(request.type())) {
            payload = new StorefrontEvent.CustomerRegistered(
                    customer("customer", require("customer", request.customer())));
        } else if ("coupon.redeemed".equals(request.type())) {
            CouponPayload coupon = require("coupon", request.coupon());
            payload = new StorefrontEvent.CouponRedeemed(
                    number(require("order", request.order())),
                    CouponCode.parse(coupon.code()),
                    require("coupon.discount", coupon.discount()),
                    coupon.orderTotal());
        } else {
            throw new InvalidValue("type", "must be one of " + String.join(", ", TYPES));
        }
        return new StorefrontEvent(request.id(), request.occurredAt().toInstant(), payload);
    }

    private static StorefrontEvent.OrderPlaced placed(OrderPayload order) {
        List<LinePayload> wireLines = order.lines();
        if (wireLines == null || wireLines.isEmpty()) {
            throw new InvalidValue("order.lines", "must hold at least one line");
        }
        if (wireLines.size() > 500) {
            throw new InvalidValue("order.lines", "must hold at most 500 lines");
        }
        List<LineItem> lines = new ArrayList<>();
        for (int i = 0; i < wireLines.size(); i++) {
            LinePayload line = wireLines.get(i);
            try {
                lines.add(new LineItem(
                        line.sku(),
                        line.name(),
                        line.category(),
                        line.quantity(),
                        line.unitPrice(),
                        line.product(),
                        line.variant()));
            } catch (InvalidValue e) {
                throw e.within("order.lines[" + i + "]");
            }
        }
        String paymentMethod = order.paymentMethod();
        if (paymentMethod != null && !PAYMENT_METHODS.contains(paymentMethod)) {
            throw new InvalidValue(
                    "order.paymentMethod",
                    "must be one of "
                            + String.join(
                                    ", ", PAYMENT_METHODS.stream().sorted().toList()));
        }
        ShippingPayload s = order.shipping();
        Shipping shipping = s == null
                ? Shipping.none()
                : new Shipping(
                        text("order.shipping.recipientName", s.recipientName(), 200),
                        postalCode(s.postalCode()),
                        text("order.shipping.prefecture", s.prefecture(), 10),
                        text("order.shipping.address", s.address(), 500),
                        text("order.shipping.phone", s.phone(), 30),
                        Boolean.TRUE.equals(s.discreet()));
        String currency = order.currency() == null ? "JPY" : order.currency();
        try {
            return new StorefrontEvent.OrderPlaced(
                    number(order),
                    customer("order.customer", require("order.customer", order.customer())),
                    Money.currency(currency),
                    lines,
                    order.shippingFee() == null ? 0 : order.shippingFee(),
                    order.discount() == null ? 0 : order.discount(),
                    paymentMethod,
                    shipping);
        } catch (InvalidValue e) {
            throw e.field().startsWith("order.") ? e : e.within("order");
        }
    }

    private static OrderNumber number(OrderPayload order) {
        return new OrderNumber(order.number());
    }

    private static StorefrontEvent.Customer customer(String field, CustomerPayload customer) {
        try {
            return new StorefrontEvent.Customer(
                    EmailAddress.of(customer.email()),
                    new PersonalDetails(customer.name(), customer.nameKana(), customer.phone()),
                    text("id", customer.id(), 100),
                    customer.marketingConsent() == null
                            ? null
                            : new StorefrontEvent.ConsentStatement(
                                    customer.marketingConsent().granted(),
                                    text(
                                            "marketingConsent.wording",
                                            customer.marketingConsent().wording(),
                                            2000)));
        } catch (InvalidValue e) {
            throw e.within(field);
        }
    }

    private static String postalCode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // Japanese postal codes: 〒150-0001, with or without the dash.
        if (!POSTAL_CODE.matcher(value.strip()).matches()) {
            throw new InvalidValue("order.shipping.postalCode", "must be a Japanese postal code such as 150-0001");
        }
        return value.strip();
    }

    private static <T> T require(String field, T value) {
        if (value == null) {
            throw new InvalidValue(field, "is required for this event type");
        }
        return value;
    }

    private static String text(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidValue(field, "must be at most " + max + " characters");
        }
        if (Text.hasControlCharacters(value, false)) {
            throw new InvalidValue(field, "must not contain control characters");
        }
        return value.isBlank() ? null : value.strip();
    }
}
