package com.aftercare.inquiry;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface InquiryRepository extends Repository<Inquiry, Long> {

    Inquiry save(Inquiry inquiry);

    Inquiry saveAndFlush(Inquiry inquiry);

    Optional<Inquiry> findByReference(String reference);

    Optional<Inquiry> findById(Long id);

    Optional<Inquiry> findFirstByOrderIdAndIdNotAndCreatedAtAfterOrderByCreatedAtDesc(
            Long orderId, Long id, java.time.Instant after);

    Optional<Inquiry> findByReferenceAndStorefrontId(String reference, Long storefrontId);

    /**
     * For a change: the row is locked until the transaction ends, so two messages arriving at
     * once (a double click, a mail and a form) are applied one after the other instead of one
     * failing on the version check.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Inquiry i where i.reference = :reference")
    Optional<Inquiry> lockByReference(String reference);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Inquiry i where i.reference = :reference and i.storefrontId = :storefrontId")
    Optional<Inquiry> lockByReferenceAndStorefrontId(String reference, Long storefrontId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Inquiry i where i.id = :id")
    Optional<Inquiry> lockById(Long id);

    @Query("select i.reference from Inquiry i where i.id = :id")
    Optional<String> referenceOf(Long id);
}
