package com.aftercare.domain.consent;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a customer agreed to promotional mail, with the record the law asks us to keep
 * (特定電子メール法): when, through which storefront or form, and the wording shown. Withdrawing
 * takes effect at once: {@link ConsentWithdrawn} tells the mail modules to stop what is waiting.
 */
@Service
public class MarketingConsent {

    /**
     * Published when a customer opts out, inside the transaction that records it. {@code email}
     * (null if the customer is gone) lets a storefront take the address off its own lists.
     */
    public record ConsentWithdrawn(CustomerId customer, String email, Instant at, String source) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    MarketingConsent(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Records a consent given at {@code at}. A consent older than the customer's latest decision
     * (a storefront retrying an old event after an opt-out) is recorded but changes nothing.
     */
    @Transactional
    public void grant(CustomerId customer, Instant at, String source, String wording) {
        requireText("source", source, 200);
        if (wording == null || wording.isBlank()) {
            throw new InvalidValue("wording", "must state the consent text the customer agreed to");
        }
        requireText("wording", wording, 2000);
        insertRecord(customer, true, source, wording, at);
        jdbc.sql("""
                        update customer set promotional_consent = true, promotional_consent_at = :at
                         where id = :customer
                           and not exists (select 1 from consent_record r
                                            where r.customer_id = :customer and not r.granted and r.recorded_at > :at)
                        """)
                .param("customer", customer.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    @Transactional
    public void withdraw(CustomerId customer, Instant at, String source) {
        requireText("source", source, 200);
        insertRecord(customer, false, source, null, at);
        jdbc.sql("update customer set promotional_consent = false, promotional_consent_at = :at where id = :customer")
                .param("customer", customer.value())
                .param("at", Timestamp.from(at))
                .update();
        // the mail pipeline withdraws queued promotional mail in this same transaction; step mail hears it later
        String email = jdbc.sql("select email from customer where id = :customer")
                .param("customer", customer.value())
                .query(String.class)
                .optional()
                .orElse(null);
        events.publishEvent(new ConsentWithdrawn(customer, email, at, source));
    }

    @Transactional(readOnly = true)
    public boolean hasConsented(CustomerId customer) {
        return jdbc.sql("select promotional_consent from customer where id = :customer")
                .param("customer", customer.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** The customer's latest decision, for the console and audits. */
    @Transactional(readOnly = true)
    public Optional<Decision> latest(CustomerId customer) {
        return jdbc.sql("""
                        select granted, source, wording, recorded_at from consent_record
                         where customer_id = :customer order by recorded_at desc, id desc limit 1
                        """)
                .param("customer", customer.value())
                .query((rs, i) -> new Decision(
                        rs.getBoolean(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** One recorded decision. */
    public record Decision(boolean granted, String source, String wording, Instant at) {}

    private void insertRecord(CustomerId customer, boolean granted, String source, String wording, Instant at) {
        jdbc.sql("""
                        insert into consent_record (customer_id, granted, source, wording, recorded_at)
                        values (:customer, :granted, :source, :wording, :at)
                        """)
                .param("customer", customer.value())
                .param("granted", granted)
                .param("source", source)
                .param("wording", wording)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max || Text.hasControlCharacters(value, true)) {
            throw new InvalidValue(field, "must be 1-" + max + " characters without control characters");
        }
    }
}
