package com.aftercare.domain.privacy;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Text;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure requests (消去・利用停止請求, 個人情報保護法 第35条): the person is anonymised everywhere while
 * the statistics (orders, amounts, reasons, times) stay. The domain anonymises its own tables here;
 * every other module hears {@link CustomerErased} in the same transaction and anonymises its own.
 * The audit entry names the customer by id only, never by the data erased.
 */
@Service
public class Erasures {

    /** The domain of the address an erased customer is left with: {@code .invalid} can never be delivered. */
    public static final String ERASED_ADDRESS_DOMAIN = "erased.invalid";

    /** The name an erased customer is left with. */
    public static final String ERASED_NAME = "（消去済み）";

    private static final int REASON_MAX = 500;

    /** What an erasure did, for the console's confirmation. */
    public record Outcome(
            CustomerId customer, boolean alreadyErased, int ordersUnderRetention, LocalDate retainedUntil) {}

    private final JdbcClient jdbc;
    private final Customers customers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ErasedOrders orders;
    private final ErasedCustomerRecords records;
    private final ErasedStorefrontEvents storefrontEvents;
    private final PersonalValues personalValues;
    private final ShopProperties shop;
    private final Clock clock;

    Erasures(
            JdbcClient jdbc,
            Customers customers,
            AuditLog audit,
            ApplicationEventPublisher events,
            ErasedOrders orders,
            ErasedCustomerRecords records,
            ErasedStorefrontEvents storefrontEvents,
            PersonalValues personalValues,
            ShopProperties shop,
            Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
        this.events = events;
        this.orders = orders;
        this.records = records;
        this.storefrontEvents = storefrontEvents;
        this.personalValues = personalValues;
        this.shop = shop;
        this.clock = clock;
    }

    /** The address an erased customer is left with: unique (the column is), undeliverable. */
    public static String erasedAddress(CustomerId customer) {
        return "erased-" + customer.value() + "@" + ERASED_ADDRESS_DOMAIN;
    }

    /** Whether this is an address an erasure left (or one made to look like it). */
    public static boolean isErasedAddress(EmailAddress email) {
        return email.normalized().endsWith("@" + ERASED_ADDRESS_DOMAIN);
    }

    /**
     * An operator erases a customer on their request, audited as {@code customer.erased} with the
     * reason. Erasing an erased customer again changes nothing.
     *
     * @param reason how the request came in (「2026-12-05 電話にて本人より」); must not repeat the erased data
     * @throws NotFound for an unknown customer
     * @throws InvalidValue {@code reason} when blank or longer than 500 characters
     */
    @Transactional
    public Outcome erase(CustomerId customer, String operator, String reason) {
        String why = Text.line("reason", reason, REASON_MAX);
        if (why == null) {
            throw new InvalidValue("reason", "must not be blank");
        }
        if (!lock(customer)) {
            throw NotFound.customer(customer.value());
        }
        return eraseLocked(customer, operator, "console", why);
    }

    /**
     * A storefront passes on a customer's erasure request. The caller learns nothing: the answer is
     * the same whether the email belongs to a customer of this storefront or not (no enumeration).
     * Only a customer the storefront may see (an order or an account there) is erased; the request
     * is audited either way, as {@code customer.erasure-requested}.
     */
    @Transactional
    public void requestFromStorefront(StorefrontId storefront, EmailAddress email) {
        Optional<CustomerId> customer =
                customers.findVisibleTo(storefront, email).map(c -> c.id()).filter(this::lock);
        String actor = "storefront:" + storefront.value();
        audit.record(
                actor,
                "customer.erasure-requested",
                "customer",
                customer.map(id -> Long.toString(id.value())).orElse(null),
                Map.of("matched", customer.isPresent()));
        customer.ifPresent(id -> eraseLocked(id, actor, "api", null));
    }

    /** When the customer was erased, if they were. */
    @Transactional(readOnly = true)
    public Optional<Instant> erasedAt(CustomerId customer) {
        return jdbc.sql("select erased_at from customer where id = :id and erased_at is not null")
                .param("id", customer.value())
                .query((rs, i) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    /** Whether the customer exists; their row stays locked until the erasure commits. */
    private boolean lock(CustomerId customer) {
        return jdbc.sql("select 1 from customer where id = :id for update")
                .param("id", customer.value())
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    private Outcome eraseLocked(CustomerId customer, String actor, String source, String reason) {
        Instant now = clock.instant();
        boolean erased = jdbc.sql("select erased_at is not null from customer where id = :id")
                .param("id", customer.value())
                .query(Boolean.class)
                .single();
        if (erased) {
            return new Outcome(customer, true, 0, null);
        }
        LocalDate today = LocalDate.ofInstant(now, shop.zone());
        // read before anything changes: a listener may take LINE's display name away
        List<String> quoted = personalValues.of(customer);
        List<String> references = personalValues.references(customer);
        // Listeners run now, while the customer row still names the person (see CustomerErased).
        events.publishEvent(new CustomerErased(customer, now));
        // before the orders and storefront ids are rewritten: they find the events
        storefrontEvents.anonymise(customer, quoted);
        ErasedOrders.Kept kept = orders.anonymise(customer, today);
        records.anonymise(customer, quoted, references);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", source);
        if (reason != null) {
            // the form asks for the date and channel only; a value of the person quoted anyway is not kept
            details.put("reason", PersonalFields.withoutQuotes(reason, quoted));
        }
        details.put("ordersUnderRetention", kept.orders());
        if (kept.until() != null) {
            details.put("retainedUntil", kept.until().toString());
        }
        audit.record(actor, "customer.erased", "customer", Long.toString(customer.value()), details);
        return new Outcome(customer, false, kept.orders(), kept.until());
    }
}
