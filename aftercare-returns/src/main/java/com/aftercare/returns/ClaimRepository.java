package com.aftercare.returns;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Claims, addressed by RMA number. */
interface ClaimRepository extends Repository<Claim, Long> {

    Claim saveAndFlush(Claim claim);

    Optional<Claim> findByRma(String rma);

    Optional<Claim> findByRmaAndStorefrontId(String rma, Long storefrontId);

    @Query("select c from Claim c where c.storefrontId = :storefrontId and c.request.requestId = :requestId")
    Optional<Claim> findByClientRequest(Long storefrontId, String requestId);

    /** The claims of an order, locked for a change, oldest first. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Claim c where c.orderId = :orderId order by c.requestedAt, c.id")
    java.util.List<Claim> lockByOrder(Long orderId);

    /** For a change: two operators (or an operator and the customer) acting at once go one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Claim c where c.rma = :rma")
    Optional<Claim> lockByRma(String rma);
}
