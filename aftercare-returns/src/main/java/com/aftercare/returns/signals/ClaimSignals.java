package com.aftercare.returns.signals;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Shipping;
import com.aftercare.domain.privacy.CustomerErased;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Text;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.FraudSignal;
import com.aftercare.returns.signals.SignalRules.Found;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fraud signals on claims ({@link FraudSignal}): found when a claim is opened from what the shop
 * knows of its customer, order and contact points ({@link ContactPoints}, digests only), kept with
 * the claim, and shown to operators. Operators flag a customer they suspect (audited); that raises
 * a signal on the customer's open claims and on those of anyone sharing a phone or address with
 * them. A signal never decides a claim by itself.
 */
@Service
public class ClaimSignals {

    /** Claims that send items back: the ones a serial returner is counted by. */
    private static final List<String> SENT_BACK =
            List.of(RequestType.RETURN.name(), RequestType.EXCHANGE.name(), RequestType.REFUND_GUARANTEE.name());

    private static final List<String> REFUSED = List.of(ClaimStatus.REJECTED.name(), ClaimStatus.QUOTE_DECLINED.name());

    private static final List<String> OPEN = Arrays.stream(ClaimStatus.values())
            .filter(ClaimStatus::isOpen)
            .map(Enum::name)
            .toList();

    private static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final Customers customers;
    private final AuditLog audit;
    private final SignalThresholds thresholds;
    private final Clock clock;

    ClaimSignals(JdbcClient jdbc, Customers customers, AuditLog audit, SignalThresholds thresholds, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /** Why and by whom a customer was flagged. */
    public record Flag(CustomerId customer, String reason, String flaggedBy, Instant at) {}

    /**
     * Keeps the new claim's contact points and finds its signals, in the opening's transaction.
     *
     * @return the signals found (also kept with the claim)
     */
    @Transactional
    public List<Found> screen(ClaimView claim, OrderView order) {
        CustomerView customer = customers
                .find(claim.customer())
                .orElseThrow(() -> NotFound.customer(claim.customer().value()));
        Shipping shipping = order.shipping() == null ? Shipping.none() : order.shipping();
        Set<ContactPoints.Contact> contacts = ContactPoints.of(
                customer.hasEmail() ? customer.email().normalized() : null,
                customer.phone(),
                shipping.phone(),
                shipping.postalCode(),
                shipping.prefecture(),
                shipping.address());
        for (ContactPoints.Contact contact : contacts) {
            jdbc.sql("""
                            insert into claim_contact (claim_id, customer_id, kind, digest)
                            values (:claim, :customer, :kind, :digest) on conflict do nothing
                            """)
                    .param("claim", claim.id().value())
                    .param("customer", claim.customer().value())
                    .param("kind", contact.kind().name())
                    .param("digest", contact.digest())
                    .update();
        }
        List<Found> found = SignalRules.evaluate(facts(claim, order), thresholds);
        Instant now = clock.instant();
        found.forEach(f -> keep(claim.id().value(), f, now));
        return found;
    }

    /** The signals kept with a claim, in the order of {@link FraudSignal}. */
    @Transactional(readOnly = true)
    public List<Found> of(long claimId) {
        return jdbc
                .sql("select signal, arguments from claim_signal where claim_id = :claim")
                .param("claim", claimId)
                .query((rs, i) -> new Found(FraudSignal.valueOf(rs.getString(1)), strings(rs.getArray(2))))
                .list()
                .stream()
                .sorted((a, b) -> a.signal().compareTo(b.signal()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Flag> flagOf(CustomerId customer) {
        return jdbc.sql("select reason, flagged_by, flagged_at from claim_customer_flag where customer_id = :c")
                .param("c", customer.value())
                .query((rs, i) -> new Flag(
                        customer,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /**
     * Flags a customer as suspicious (audited as {@code operator}): their open claims and the open
     * claims of anyone sharing a phone or address with them get a signal at once.
     *
     * @throws InvalidValue on {@code reason} when it is blank or too long
     */
    @Transactional
    public void flag(CustomerId customer, String reason, String operator) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON || Text.hasControlCharacters(why, true)) {
            throw new InvalidValue("reason", "must be 1-" + MAX_REASON + " characters of text");
        }
        customers.find(customer).orElseThrow(() -> NotFound.customer(customer.value()));
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into claim_customer_flag (customer_id, reason, flagged_by, flagged_at)
                        values (:c, :reason, :by, :at)
                        on conflict (customer_id) do update
                           set reason = excluded.reason, flagged_by = excluded.flagged_by, flagged_at = excluded.flagged_at
                        """)
                .param("c", customer.value())
                .param("reason", why)
                .param("by", operator)
                .param("at", Timestamp.from(now))
                .update();
        jdbc.sql("""
                        insert into claim_signal (claim_id, signal, arguments, found_at)
                        select c.id, 'FLAGGED_CUSTOMER', array[:reason]::text[], :at from claim c
                         where c.customer_id = :c and c.status in (:open)
                        on conflict (claim_id, signal) do update set arguments = excluded.arguments
                        """)
                .param("c", customer.value())
                .param("reason", why)
                .param("at", Timestamp.from(now))
                .param("open", OPEN)
                .update();
        jdbc.sql("""
                        insert into claim_signal (claim_id, signal, arguments, found_at)
                        select c.id, 'SHARED_WITH_FLAGGED', array['1']::text[], :at
                          from claim c
                         where c.status in (:open) and c.customer_id <> :c
                           and exists (select 1 from claim_contact k join claim_contact f
                                         on f.kind = k.kind and f.digest = k.digest
                                        where k.claim_id = c.id and f.customer_id = :c and k.kind <> 'EMAIL')
                        on conflict (claim_id, signal) do nothing
                        """)
                .param("c", customer.value())
                .param("at", Timestamp.from(now))
                .param("open", OPEN)
                .update();
        audit.record(operator, "customer.flagged", "customer", String.valueOf(customer.value()), Map.of("reason", why));
    }

    /** Takes the flag off (audited); the customer's open claims lose the signal it raised. */
    @Transactional
    public void unflag(CustomerId customer, String operator) {
        int removed = jdbc.sql("delete from claim_customer_flag where customer_id = :c")
                .param("c", customer.value())
                .update();
        if (removed == 0) {
            return;
        }
        jdbc.sql("""
                        delete from claim_signal s using claim c
                         where s.claim_id = c.id and c.customer_id = :c and c.status in (:open)
                           and s.signal = 'FLAGGED_CUSTOMER'
                        """).param("c", customer.value()).param("open", OPEN).update();
        audit.record(operator, "customer.unflagged", "customer", String.valueOf(customer.value()), Map.of());
    }

    /** An erased customer leaves no contact digest and no flag behind (in the erasure's transaction). */
    @EventListener
    void on(CustomerErased event) {
        jdbc.sql("delete from claim_contact where customer_id = :c")
                .param("c", event.customer().value())
                .update();
        jdbc.sql("delete from claim_customer_flag where customer_id = :c")
                .param("c", event.customer().value())
                .update();
        jdbc.sql("""
                        update claim_signal s set arguments = '{}' from claim c
                         where s.claim_id = c.id and c.customer_id = :c and s.signal = 'FLAGGED_CUSTOMER'
                        """).param("c", event.customer().value()).update();
    }

    private SignalRules.Facts facts(ClaimView claim, OrderView order) {
        long customer = claim.customer().value();
        Map<String, Object> orders = jdbc.sql("""
                        select count(*) as orders,
                               count(*) filter (where exists (
                                   select 1 from claim c where c.order_id = o.id and c.type in (:sentBack)
                                      and c.status not in (:refused))) as sent_back
                          from order_view o where o.customer_id = :customer and o.status <> 'CANCELLED'
                        """)
                .param("sentBack", SENT_BACK)
                .param("refused", REFUSED)
                .param("customer", customer)
                .query()
                .singleRow();
        List<String> elsewhere = claim.type() != RequestType.REFUND_GUARANTEE
                ? List.of()
                : jdbc.sql("""
                                select distinct c.rma from claim c
                                 where c.type = 'REFUND_GUARANTEE' and c.status not in (:refused)
                                   and c.storefront_id <> :storefront and c.id <> :claim
                                   and (c.customer_id = :customer
                                        or exists (select 1 from claim_contact k join claim_contact mine
                                                     on mine.kind = k.kind and mine.digest = k.digest
                                                    where k.claim_id = c.id and mine.claim_id = :claim
                                                      and k.kind in ('EMAIL', 'PHONE')))
                                 order by c.rma
                                """)
                        .param("refused", REFUSED)
                        .param("storefront", claim.storefront().value())
                        .param("claim", claim.id().value())
                        .param("customer", customer)
                        .query(String.class)
                        .list();
        String flaggedBecause = flagOf(claim.customer()).map(Flag::reason).orElse(null);
        long sharedWithFlagged = jdbc.sql("""
                        select count(distinct f.customer_id)
                          from claim_contact mine
                          join claim_contact k on k.kind = mine.kind and k.digest = mine.digest
                          join claim_customer_flag f on f.customer_id = k.customer_id
                         where mine.claim_id = :claim and mine.kind <> 'EMAIL' and k.customer_id <> :customer
                        """)
                .param("claim", claim.id().value())
                .param("customer", customer)
                .query(Long.class)
                .single();
        Long hours = order.deliveredAt() == null
                ? null
                : Math.max(
                        0,
                        Duration.between(order.deliveredAt(), claim.requestedAt())
                                .toHours());
        return new SignalRules.Facts(
                ((Number) orders.get("orders")).longValue(),
                ((Number) orders.get("sent_back")).longValue(),
                elsewhere,
                flaggedBecause,
                sharedWithFlagged,
                hours,
                claim.linesValueYen());
    }

    private void keep(long claim, Found found, Instant at) {
        jdbc.sql("""
                        insert into claim_signal (claim_id, signal, arguments, found_at)
                        values (:claim, :signal, :arguments, :at) on conflict (claim_id, signal) do nothing
                        """)
                .param("claim", claim)
                .param("signal", found.signal().name())
                .param("arguments", found.arguments().toArray(String[]::new))
                .param("at", Timestamp.from(at))
                .update();
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
