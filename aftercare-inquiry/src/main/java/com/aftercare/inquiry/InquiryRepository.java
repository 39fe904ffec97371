package com.aftercare.inquiry;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface InquiryRepository extends Repository<Inquiry, Long> {

    Inquiry save(Inquiry inquiry);

    Inquiry saveAndFlush(Inquiry inquiry);

    Optional<Inquiry> findByReference(String reference);

    Optional<Inquiry> findByReferenceAndStorefrontId(String reference, Long storefrontId);
}
