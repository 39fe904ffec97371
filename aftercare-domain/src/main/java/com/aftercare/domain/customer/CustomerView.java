package com.aftercare.domain.customer;

/** A read-only snapshot of a customer, safe to hand to other modules and to the web. */
public record CustomerView(CustomerId id, EmailAddress email, String name, String nameKana, String phone) {

    static CustomerView of(Customer customer) {
        return new CustomerView(
                customer.id(), customer.email(), customer.name(), customer.nameKana(), customer.phone());
    }
}
