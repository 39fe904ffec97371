package com.aftercare.stepmail.thanks;

import com.aftercare.domain.customer.Customer;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailOutbox;
import com.aftercare.domain.mail.OutgoingMail;
import com.aftercare.domain.order.OrderEvents.OrderPlaced;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shop.ShopProperties;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The thank-you mail right after purchase (購入直後の御礼メール). It runs after the order's
 * transaction commits, from Spring Modulith's durable event publication, and enqueues the mail
 * under a per-order key, so running twice (a republished event) still sends one mail.
 */
@Component
class OrderThanksMail {

    static final String TEMPLATE = "order-thanks";
    private static final DateTimeFormatter JAPANESE_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm", Locale.JAPAN);

    private final Orders orders;
    private final Customers customers;
    private final MailOutbox outbox;
    private final TemplateEngine mailTemplates;
    private final ShopProperties shop;
    private final Clock clock;

    OrderThanksMail(
            Orders orders,
            Customers customers,
            MailOutbox outbox,
            ThanksTemplates templates,
            ShopProperties shop,
            Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.outbox = outbox;
        this.mailTemplates = templates.engine();
        this.shop = shop;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        OrderView order = orders.find(placed.order())
                .orElseThrow(() -> new IllegalStateException("Order " + placed.order() + " vanished"));
        Customer customer = customers
                .find(order.customer())
                .orElseThrow(() -> new IllegalStateException("Customer " + order.customer() + " vanished"));
        Context context = new Context(Locale.JAPAN);
        context.setVariable("shopName", shop.name());
        context.setVariable("customerName", customer.name());
        context.setVariable("orderNumber", order.number());
        context.setVariable(
                "placedAt", JAPANESE_DATE_TIME.format(order.placedAt().atZone(shop.zone())));
        context.setVariable("total", order.total().formatted());
        // Discreet shipping (家族にもばれたくない): the mail never names what was bought.
        context.setVariable("discreet", order.isDiscreet());
        context.setVariable(
                "lines",
                order.isDiscreet()
                        ? List.of()
                        : order.lines().stream()
                                .map(l -> Map.of(
                                        "name",
                                        l.name(),
                                        "quantity",
                                        l.quantity(),
                                        "amount",
                                        l.amount().formatted()))
                                .toList());
        String subject = "【" + shop.name() + "】ご注文ありがとうございます（注文番号 " + order.number() + "）";
        String text = mailTemplates.process(TEMPLATE, context);
        outbox.enqueue(new OutgoingMail(
                "order-thanks:" + order.id().value(),
                MailKind.TRANSACTIONAL,
                TEMPLATE,
                customer.id().value(),
                order.id().value(),
                customer.email().value(),
                subject,
                text,
                null,
                Map.of(),
                clock.instant()));
    }
}
