package com.aftercare.domain.order;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface OrderRepository extends Repository<Order, Long> {

    Order save(Order order);

    Optional<Order> findById(Long id);

    Optional<Order> findByStorefrontIdAndOrderNumber(Long storefrontId, String orderNumber);

    Optional<Order> findByStorefrontIdAndExternalId(Long storefrontId, String externalId);
}
