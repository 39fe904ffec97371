package com.aftercare.web.api.orders;

import com.aftercare.domain.order.Money;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.web.api.ProblemResponses;
import com.aftercare.web.security.StorefrontAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ProblemResponses
@Tag(name = "Orders")
@SecurityRequirement(name = "apiKey")
class OrdersController {

    private final Orders orders;

    OrdersController(Orders orders) {
        this.orders = orders;
    }

    @Operation(
            summary = "An order of the calling storefront, with its lines and status history",
            description = "Another storefront's order number answers 404, exactly as an unknown one.",
            responses = @ApiResponse(responseCode = "200", description = "The order"))
    @ProblemResponses.BadRequest("Malformed order number")
    @ProblemResponses.NotFound("No such order for this storefront")
    @GetMapping(path = "/api/v1/orders/{orderNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
    OrderResponse order(@PathVariable String orderNumber, @Parameter(hidden = true) StorefrontAuthentication caller) {
        OrderNumber number = new OrderNumber(orderNumber);
        return orders.find(caller.storefront(), number)
                .map(OrderResponse::of)
                .orElseThrow(() -> NotFound.order(orderNumber));
    }

    @Schema(name = "Order")
    record OrderResponse(
            String number,

            @Schema(allowableValues = {"PLACED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"})
            String status,

            String currency,
            @Schema(description = "Minor units (yen)") long subtotal,
            long shippingFee,
            long discount,
            long total,
            String paymentMethod,
            boolean discreet,
            String carrier,
            String trackingNumber,
            Instant placedAt,
            Instant paidAt,
            Instant shippedAt,
            Instant deliveredAt,
            Instant cancelledAt,
            List<Line> lines,
            List<History> history) {

        record Line(int lineNo, String sku, String name, String category, int quantity, long unitPrice, long amount) {}

        record History(
                String eventId,
                String type,
                Instant occurredAt,
                Instant recordedAt,
                String statusFrom,
                String statusTo,
                String note) {}

        static OrderResponse of(OrderView o) {
            return new OrderResponse(
                    o.number(),
                    o.status().name(),
                    o.total().currency().getCurrencyCode(),
                    minor(o.subtotal()),
                    minor(o.shippingFee()),
                    minor(o.discount()),
                    minor(o.total()),
                    o.paymentMethod(),
                    o.isDiscreet(),
                    o.carrier(),
                    o.trackingNumber(),
                    o.placedAt(),
                    o.paidAt(),
                    o.shippedAt(),
                    o.deliveredAt(),
                    o.cancelledAt(),
                    o.lines().stream()
                            .map(l -> new Line(
                                    l.lineNo(),
                                    l.sku(),
                                    l.name(),
                                    l.category(),
                                    l.quantity(),
                                    minor(l.unitPrice()),
                                    minor(l.amount())))
                            .toList(),
                    o.history().stream()
                            .map(h -> new History(
                                    h.eventId(),
                                    h.eventType(),
                                    h.occurredAt(),
                                    h.recordedAt(),
                                    h.from() == null ? null : h.from().name(),
                                    h.to().name(),
                                    h.note()))
                            .toList());
        }

        private static long minor(Money money) {
            return money.minor();
        }
    }
}
