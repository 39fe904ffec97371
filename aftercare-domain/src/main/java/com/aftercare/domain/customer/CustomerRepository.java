package com.aftercare.domain.customer;

import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CustomerRepository extends Repository<Customer, Long> {

    Customer save(Customer customer);

    Optional<Customer> findById(Long id);

    Optional<Customer> findByEmailNormalized(String emailNormalized);

    /** A storefront sees a customer only if it has an order or an external id of theirs. */
    @Query(value = """
                    select c.* from customer c
                    where c.email_normalized = :email
                      and (exists (select 1 from customer_order o where o.customer_id = c.id and o.storefront_id = :storefront)
                        or exists (select 1 from customer_external_id x where x.customer_id = c.id and x.storefront_id = :storefront))
                    """, nativeQuery = true)
    Optional<Customer> findVisibleTo(String email, long storefront);
}
