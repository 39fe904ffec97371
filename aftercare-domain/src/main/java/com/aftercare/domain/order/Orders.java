package com.aftercare.domain.order;

import com.aftercare.domain.storefront.StorefrontId;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads orders; changes to orders come only through storefront events (see the ingest package). */
@Service
public class Orders {

    private final OrderRepository orders;

    Orders(OrderRepository orders) {
        this.orders = orders;
    }

    /** The storefront's order with that number; another storefront's order is simply not found. */
    @Transactional(readOnly = true)
    public Optional<OrderView> find(StorefrontId storefront, OrderNumber number) {
        return orders.findByStorefrontIdAndOrderNumber(storefront.value(), number.value())
                .map(OrderView::of);
    }

    @Transactional(readOnly = true)
    public Optional<OrderView> find(OrderId id) {
        return orders.findById(id.value()).map(OrderView::of);
    }

    /** For the ingestion, inside its transaction: the aggregate itself, to change it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Order> load(StorefrontId storefront, OrderNumber number) {
        return orders.findByStorefrontIdAndOrderNumber(storefront.value(), number.value());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Order add(Order order) {
        return orders.save(order);
    }
}
