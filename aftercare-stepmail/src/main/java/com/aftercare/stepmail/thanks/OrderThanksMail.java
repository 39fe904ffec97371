package com.aftercare.stepmail.thanks;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailOutbox;
import com.aftercare.domain.mail.OutgoingMail;
import com.aftercare.domain.order.OrderEvents.OrderPlaced;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.stepmail.templates.MailTemplates;
import com.aftercare.stepmail.templates.OrderMailVariables;
import java.time.Clock;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The thank-you mail right after purchase (購入直後の御礼メール). It runs after the order's
 * transaction commits, from Spring Modulith's durable event publication, and enqueues the mail
 * under a per-order key, so running twice (a republished event) still sends one mail.
 */
@Component
class OrderThanksMail {

    static final String TEMPLATE = "order-thanks";

    private final Orders orders;
    private final Customers customers;
    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final OrderMailVariables variables;
    private final Clock clock;

    OrderThanksMail(
            Orders orders,
            Customers customers,
            MailOutbox outbox,
            MailTemplates templates,
            OrderMailVariables variables,
            Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.outbox = outbox;
        this.templates = templates;
        this.variables = variables;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        OrderView order = orders.find(placed.order())
                .orElseThrow(() -> new IllegalStateException("Order " + placed.order() + " vanished"));
        CustomerView customer = customers
                .find(order.customer())
                .orElseThrow(() -> new IllegalStateException("Customer " + order.customer() + " vanished"));
        MailTemplates.Rendered mail = templates.render(TEMPLATE, variables.of(order, customer));
        outbox.enqueue(new OutgoingMail(
                "order-thanks:" + order.id().value(),
                MailKind.TRANSACTIONAL,
                TEMPLATE,
                customer.id().value(),
                order.id().value(),
                customer.email().value(),
                mail.subject(),
                mail.text(),
                mail.html(),
                Map.of(),
                clock.instant()));
    }
}
