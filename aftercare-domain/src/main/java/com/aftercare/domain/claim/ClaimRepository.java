package com.aftercare.domain.claim;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Claims, addressed by RMA number. Public because the aggregate lives in the domain while its
 * one user, the {@code Claims} facade of the returns module, lives in a feature module.
 */
public interface ClaimRepository extends Repository<Claim, Long> {

    Claim save(Claim claim);

    Claim saveAndFlush(Claim claim);

    Optional<Claim> findByRma(String rma);

    Optional<Claim> findByRmaAndStorefrontId(String rma, Long storefrontId);

    Optional<Claim> findByStorefrontIdAndClientRequestId(Long storefrontId, String clientRequestId);

    List<Claim> findByOrderIdOrderByRequestedAtDesc(Long orderId);

    /** For a change: two operators (or an operator and the customer) acting at once go one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Claim c where c.rma = :rma")
    Optional<Claim> lockByRma(String rma);
}
