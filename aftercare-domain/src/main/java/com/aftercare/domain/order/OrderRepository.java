package com.aftercare.domain.order;

import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface OrderRepository extends Repository<Order, Long> {

    Order save(Order order);

    Order saveAndFlush(Order order);

    Optional<Order> findById(Long id);

    /**
     * The order with its lines in the same query: every {@link OrderView} shows the lines, and a
     * second round trip for them was the thank-you mail's. Only the lines: fetching the history
     * too would join two lists (a row per line and entry, which Hibernate refuses for bags).
     *
     * <p>A query, not an {@code @EntityGraph}: Hibernate caches no plan for a query with an entity
     * graph, so the graph version translated this query afresh on every call, about 14 % of the
     * thank-you listener's CPU in the ingestion profile (docs/benchmarks.md).
     */
    @Query("select o from Order o left join fetch o.lines where o.id = :id")
    Optional<Order> findWithLinesById(@Param("id") Long id);

    Optional<Order> findByStorefrontIdAndOrderNumber(Long storefrontId, String orderNumber);

    Optional<Order> findByStorefrontIdAndExternalId(Long storefrontId, String externalId);
}
