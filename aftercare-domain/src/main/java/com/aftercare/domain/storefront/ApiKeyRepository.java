package com.aftercare.domain.storefront;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface ApiKeyRepository extends Repository<ApiKey, Long> {

    ApiKey save(ApiKey key);

    Optional<ApiKey> findByKeyHash(byte[] keyHash);

    Optional<ApiKey> findById(Long id);

    List<ApiKey> findByStorefrontIdOrderByCreatedAtDesc(Long storefrontId);
}
