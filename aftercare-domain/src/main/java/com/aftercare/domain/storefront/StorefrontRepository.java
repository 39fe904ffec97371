package com.aftercare.domain.storefront;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface StorefrontRepository extends Repository<Storefront, Long> {

    Storefront save(Storefront storefront);

    Optional<Storefront> findByCode(String code);

    Optional<Storefront> findById(Long id);

    List<Storefront> findAllByOrderByCode();
}
