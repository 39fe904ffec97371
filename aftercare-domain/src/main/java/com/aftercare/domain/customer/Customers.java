package com.aftercare.domain.customer;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Recognises customers across storefronts and keeps what we know about them current. */
@Service
public class Customers {

    private final CustomerRepository customers;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    Customers(CustomerRepository customers, JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * The customer with this email, created or updated with the given details. Two storefronts
     * placing orders for the same new person at the same moment still make one customer: the
     * email is serialised with a transaction-scoped advisory lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Customer recognise(EmailAddress email, PersonalDetails details, StorefrontId storefront, String externalId) {
        return recognise(email, details, storefront, externalId, true);
    }

    /**
     * The customer with this email, created if new; an existing customer's details are only
     * completed, never overwritten. For details typed by whoever fills in a contact form.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Customer recogniseFromUntrustedSource(EmailAddress email, PersonalDetails details, StorefrontId storefront) {
        return recognise(email, details, storefront, null, false);
    }

    private Customer recognise(
            EmailAddress email, PersonalDetails details, StorefrontId storefront, String externalId, boolean trusted) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('customer:' || :email, 0))")
                .param("email", email.normalized())
                .query()
                .singleValue();
        Customer customer = customers
                .findByEmailNormalized(email.normalized())
                .map(existing -> {
                    if (trusted) {
                        existing.learn(details, clock.instant());
                    } else {
                        existing.learnMissing(details, clock.instant());
                    }
                    return existing;
                })
                .orElseGet(() -> customers.save(new Customer(email, details, clock.instant())));
        if (externalId != null && !externalId.isBlank()) {
            jdbc.sql("""
                            insert into customer_external_id (customer_id, storefront_id, external_id)
                            values (:customer, :storefront, :external) on conflict do nothing
                            """)
                    .param("customer", customer.id().value())
                    .param("storefront", storefront.value())
                    .param("external", externalId.strip())
                    .update();
        }
        return customer;
    }

    /**
     * A caller or visitor who gave no email (#12 §2): the storefront's customer with the same
     * normalised phone when there is exactly one (an exact key, never a name), completed with what
     * we did not know; else a new customer of that storefront. Two people sharing a phone number
     * make the match ambiguous, so a second hit creates a new customer for an operator to merge by
     * hand rather than guessing. Serialised per storefront and phone like {@link #recognise}.
     *
     * @throws InvalidValue on {@code customer.phone} when no phone is given: a customer must be
     *     reachable by email, phone or LINE
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Customer recogniseByPhone(PersonalDetails details, StorefrontId storefront) {
        String phone = PhoneNumber.normalized(details.phone());
        if (phone == null) {
            throw new InvalidValue("customer.phone", "an email or a phone number is required");
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('customer-phone:' || :storefront || ':' || :phone, 0))")
                .param("storefront", storefront.value())
                .param("phone", phone)
                .query()
                .singleValue();
        List<Customer> known = customers.findByPhoneAt(phone, storefront.value());
        if (known.size() == 1) {
            known.get(0).learnMissing(details, clock.instant());
            return known.get(0);
        }
        return customers.save(new Customer(storefront, details, clock.instant()));
    }

    /**
     * A new customer without an email or phone, reached through an identity the caller writes in
     * the same transaction (a LINE user): the only way to make one, so that no customer is left
     * without a way to reach them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Customer createForIdentity(PersonalDetails details, StorefrontId storefront) {
        return customers.save(new Customer(storefront, details, clock.instant()));
    }

    /** The customer a storefront knows by its own id of them (a Shopify customer id). */
    @Transactional(readOnly = true)
    public Optional<CustomerId> withExternalId(StorefrontId storefront, String externalId) {
        return jdbc.sql("""
                        select customer_id from customer_external_id
                         where storefront_id = :storefront and external_id = :external
                        """)
                .param("storefront", storefront.value())
                .param("external", externalId)
                .query(Long.class)
                .optional()
                .map(CustomerId::new);
    }

    @Transactional(readOnly = true)
    public Optional<CustomerView> find(CustomerId id) {
        return customers.findById(id.value()).map(CustomerView::of);
    }

    /**
     * Whether this customer may still take new records: it exists, was not erased and was not
     * merged into another (whose record is the one to add to).
     */
    @Transactional(readOnly = true)
    public boolean current(CustomerId id) {
        return jdbc.sql("select erased_at is null and merged_into is null from customer where id = :id")
                .param("id", id.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** The storefront that recorded a customer without an email (by phone or LINE); empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<StorefrontId> recordedAt(CustomerId id) {
        return customers.findById(id.value()).flatMap(Customer::recordedAt);
    }

    /**
     * The customer, for an operator who asked to see their email and phone unmasked: the opening
     * is written to the audit trail ({@code customer.revealed}) in the same transaction.
     *
     * @param operator the operator's username
     * @throws NotFound for an unknown customer
     */
    @Transactional
    public CustomerView reveal(CustomerId id, String operator) {
        CustomerView customer = find(id).orElseThrow(NotFound::customer);
        audit.record(
                operator, "customer.revealed", "customer", Long.toString(id.value()), Map.of("fields", "email,phone"));
        return customer;
    }

    /** By exact (normalised) email, for operators looking a customer up. */
    @Transactional(readOnly = true)
    public Optional<CustomerView> findByEmail(EmailAddress email) {
        return customers.findByEmailNormalized(email.normalized()).map(CustomerView::of);
    }

    @Transactional(readOnly = true)
    public Optional<CustomerView> findVisibleTo(StorefrontId storefront, EmailAddress email) {
        return customers.findVisibleTo(email.normalized(), storefront.value()).map(CustomerView::of);
    }
}
