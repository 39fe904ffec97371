package com.aftercare.domain.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface CustomerRepository extends Repository<Customer, Long> {

    Customer save(Customer customer);

    Optional<Customer> findById(Long id);

    /**
     * A query, not a method name Spring Data derives one from: a derived query is a criteria query
     * built on every call, and Hibernate caches no plan for criteria queries, so it was translated
     * to SQL again each time (more than half of this look-up's CPU in the ingestion's profile,
     * which asks it for every order; docs/benchmarks.md).
     */
    @Query("select c from Customer c where c.emailNormalized = :email")
    Optional<Customer> findByEmailNormalized(@Param("email") String emailNormalized);

    /** A storefront sees a customer only if it has an order or an external id of theirs. */
    @Query(value = """
                    select c.* from customer c
                    where c.email_normalized = :email
                      and (exists (select 1 from customer_order o where o.customer_id = c.id and o.storefront_id = :storefront)
                        or exists (select 1 from customer_external_id x where x.customer_id = c.id and x.storefront_id = :storefront))
                    """, nativeQuery = true)
    Optional<Customer> findVisibleTo(String email, long storefront);

    /**
     * Customers of a storefront with this normalised phone: recorded there without an email, or
     * with an order or an external id there. Never merged-away or erased ones; oldest first.
     */
    @Query(value = """
                    select c.* from customer c
                    where c.phone_normalized = :phone and c.merged_into is null and c.erased_at is null
                      and (c.storefront_id = :storefront
                        or exists (select 1 from customer_order o where o.customer_id = c.id and o.storefront_id = :storefront)
                        or exists (select 1 from customer_external_id x where x.customer_id = c.id and x.storefront_id = :storefront))
                    order by c.id
                    """, nativeQuery = true)
    List<Customer> findByPhoneAt(String phone, long storefront);
}
