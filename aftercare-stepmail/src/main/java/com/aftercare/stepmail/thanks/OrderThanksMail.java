package com.aftercare.stepmail.thanks;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.mail.OrderMailVariables;
import com.aftercare.domain.order.OrderEvents.OrderPlaced;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The thank-you mail right after purchase (購入直後の御礼メール). Queued in the order's own
 * transaction (a plain listener, not an after-commit one): the mail outbox is durable, so an order
 * committed is its thank-you queued and a rollback queues nothing, without the event publication's
 * three transactions per order (docs/architecture.md, "Flow 2"). The order is read from the
 * persistence context the placement left it in. Asked for under a per-order key, so an order
 * placed twice still sends one mail.
 */
@Component
class OrderThanksMail {

    static final String TEMPLATE = "order-thanks";

    private final Orders orders;
    private final Customers customers;
    private final Mails mails;
    private final OrderMailVariables variables;
    private final Clock clock;

    OrderThanksMail(Orders orders, Customers customers, Mails mails, OrderMailVariables variables, Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.mails = mails;
        this.variables = variables;
        this.clock = clock;
    }

    @EventListener
    void on(OrderPlaced placed) {
        OrderView order = orders.placedInThisTransaction(placed.order())
                .orElseThrow(() -> new IllegalStateException("Order " + placed.order() + " vanished"));
        CustomerView customer = customers
                .find(order.customer())
                .orElseThrow(() -> new IllegalStateException("Customer " + order.customer() + " vanished"));
        if (!customer.hasEmail()) {
            // a customer reached only by phone or LINE (#12 §2): there is no address to thank
            return;
        }
        mails.send(MailRequest.transactional(
                "order-thanks:" + order.id().value(),
                TEMPLATE,
                customer.id(),
                order.id(),
                order.storefront(),
                customer.email().value(),
                variables.of(order, customer),
                clock.instant()));
    }
}
