package com.aftercare.returns;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailOutbox;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.shop.ShopProperties;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Queues the customer's mail of a claim's current status ({@link ClaimMail}) in the caller's transaction. */
@Component
class ClaimMailer {

    private final Customers customers;
    private final MailOutbox outbox;
    private final ShopProperties shop;
    private final Clock clock;

    ClaimMailer(Customers customers, MailOutbox outbox, ShopProperties shop, Clock clock) {
        this.customers = customers;
        this.outbox = outbox;
        this.shop = shop;
        this.clock = clock;
    }

    void mail(Claim claim, OrderView order) {
        CustomerView customer = customers
                .find(claim.customer())
                .orElseThrow(() -> new IllegalStateException("Customer " + claim.customer() + " vanished"));
        outbox.enqueue(ClaimMail.of(
                ClaimView.of(claim, order.number()),
                new ClaimMail.Context(
                        customer, order.number(), order.isDiscreet(), shop.name(), shop.publicUrl() + "/portal"),
                clock.instant()));
    }
}
