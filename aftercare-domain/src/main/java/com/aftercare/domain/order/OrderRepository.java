package com.aftercare.domain.order;

import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

interface OrderRepository extends Repository<Order, Long> {

    Order save(Order order);

    Optional<Order> findById(Long id);

    /**
     * The order with its lines in the same query: every {@link OrderView} shows the lines, and a
     * second round trip for them was the thank-you mail's. Only the lines: fetching the history
     * too would join two lists (a row per line and entry, which Hibernate refuses for bags).
     */
    @EntityGraph(attributePaths = "lines")
    Optional<Order> findWithLinesById(Long id);

    Optional<Order> findByStorefrontIdAndOrderNumber(Long storefrontId, String orderNumber);

    Optional<Order> findByStorefrontIdAndExternalId(Long storefrontId, String externalId);
}
