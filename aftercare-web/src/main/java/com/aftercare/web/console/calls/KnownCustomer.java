package com.aftercare.web.console.calls;

import com.aftercare.domain.customer.CustomerView;
import java.util.Objects;

/** The customer a new call or visit form starts with ({@code ?customer=<id>}); {@link #NONE}: empty fields. */
record KnownCustomer(String email, String name, String phone) {

    static final KnownCustomer NONE = new KnownCustomer("", "", "");

    static KnownCustomer of(CustomerView customer) {
        return new KnownCustomer(
                Objects.requireNonNullElse(customer.emailText(), ""),
                Objects.requireNonNullElse(customer.name(), ""),
                Objects.requireNonNullElse(customer.phone(), ""));
    }
}
