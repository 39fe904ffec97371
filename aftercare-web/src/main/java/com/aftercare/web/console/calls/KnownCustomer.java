package com.aftercare.web.console.calls;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.storefront.StorefrontId;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer a new call or visit form starts with ({@code ?customer=<id>}); {@link #NONE}: empty
 * fields. {@code storefront}: the one that recorded a customer without an email, preselected.
 */
record KnownCustomer(Long id, String email, String name, String phone, Long storefront) {

    static final KnownCustomer NONE = new KnownCustomer(null, "", "", "", null);

    static KnownCustomer of(CustomerView customer, Optional<StorefrontId> recordedAt) {
        return new KnownCustomer(
                customer.id().value(),
                Objects.requireNonNullElse(customer.emailText(), ""),
                Objects.requireNonNullElse(customer.name(), ""),
                Objects.requireNonNullElse(customer.phone(), ""),
                recordedAt.map(StorefrontId::value).orElse(null));
    }
}
