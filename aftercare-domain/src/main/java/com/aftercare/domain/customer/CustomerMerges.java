package com.aftercare.domain.customer;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.NotFound;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two records of one person made one by an operator (#12 §2): a caller logged by phone who later
 * ordered with an email, a LINE user who also wrote by mail. Nothing is merged on a guess or by
 * name: the only proposals are customers of a shared storefront with the same normalised phone
 * ({@link #candidates}), and an operator confirms every merge; the one merge without an operator
 * follows a proof, a LINE user finding their order through the link sent on LINE
 * ({@code LineCustomerLinks}) (docs/privacy.md#merging-customers).
 *
 * <p>One transaction: every module's {@link MergeableRecords} moves its rows to the survivor, the
 * survivor learns the contact details it lacked, the duplicate stays as a tombstone without
 * contact details ({@code merged_into}) and the audit trail gets {@code customer.merged} with the
 * two ids only. A failure anywhere rolls all of it back.
 */
@Service
public class CustomerMerges {

    /** What a merge would move: per kind, the duplicate's rows. */
    public record Preview(CustomerView survivor, CustomerView duplicate, Map<String, Integer> moves) {}

    /** A merge into this customer, for its timeline. */
    public record Merged(Instant at, String operator, long duplicate) {}

    private static final List<String> PREVIEW_ORDER = List.of(
            "orders", "inquiries", "claims", "mails", "enrolments", "consents", "lineIdentities", "notes", "coupons");

    private final List<MergeableRecords> records;
    private final Customers customers;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    CustomerMerges(List<MergeableRecords> records, Customers customers, JdbcClient jdbc, AuditLog audit) {
        this.records = records;
        this.customers = customers;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * @throws NotFound for an unknown customer
     * @throws MergeRefused for the same customer twice, an erased or merged one, or no shared storefront
     */
    @Transactional(readOnly = true)
    public Preview preview(CustomerId survivor, CustomerId duplicate) {
        check(survivor, duplicate);
        Map<String, Integer> counted = new HashMap<>();
        records.forEach(r -> counted.putAll(r.countsOf(duplicate)));
        // the order an operator reads them in: what the person bought and asked first
        Map<String, Integer> moves = new LinkedHashMap<>();
        PREVIEW_ORDER.stream().filter(counted::containsKey).forEach(kind -> moves.put(kind, counted.remove(kind)));
        moves.putAll(new TreeMap<>(counted));
        return new Preview(view(survivor), view(duplicate), moves);
    }

    /**
     * Merges {@code duplicate} into {@code survivor}, audited as {@code customer.merged} by
     * {@code operator}. Both rows are locked first (lower id first, so two operators merging the
     * same pair either way round wait for each other instead of deadlocking).
     */
    @Transactional
    public void merge(CustomerId survivor, CustomerId duplicate, String operator) {
        jdbc.sql("select id from customer where id in (:a, :b) order by id for update")
                .param("a", survivor.value())
                .param("b", duplicate.value())
                .query(Long.class)
                .list();
        check(survivor, duplicate);
        records.forEach(r -> r.move(duplicate, survivor));
        // the duplicate lets go of its details first: the email is unique among customers
        Map<String, Object> taken = jdbc.sql("select email, email_normalized, phone, phone_normalized, name_kana"
                        + " from customer where id = :id")
                .param("id", duplicate.value())
                .query()
                .singleRow();
        jdbc.sql("""
                        update customer set email = null, email_normalized = null, phone = null, phone_normalized = null,
                               name_kana = null, merged_into = :into, updated_at = now(), version = version + 1
                         where id = :id
                        """)
                .param("into", survivor.value())
                .param("id", duplicate.value())
                .update();
        jdbc.sql("""
                        update customer set email = coalesce(email, :email),
                               email_normalized = coalesce(email_normalized, :emailNormalized),
                               phone_normalized = case when phone is null then :phoneNormalized else phone_normalized end,
                               phone = coalesce(phone, :phone),
                               name_kana = coalesce(name_kana, :kana),
                               updated_at = now(), version = version + 1
                         where id = :id
                        """)
                .param("email", taken.get("email"))
                .param("emailNormalized", taken.get("email_normalized"))
                .param("phone", taken.get("phone"))
                .param("phoneNormalized", taken.get("phone_normalized"))
                .param("kana", taken.get("name_kana"))
                .param("id", survivor.value())
                .update();
        // ids only: the audit trail outlives an erasure, and a name or address in it would not
        audit.record(
                operator,
                "customer.merged",
                "customer",
                Long.toString(survivor.value()),
                Map.of("duplicate", duplicate.value()));
    }

    /** Customers of a storefront this one shares, with the same normalised phone: merge proposals. */
    @Transactional(readOnly = true)
    public List<CustomerView> candidates(CustomerId customer) {
        return jdbc.sql("""
                        select o.id from customer c join customer o on o.phone_normalized = c.phone_normalized
                         where c.id = :id and o.id <> c.id and o.merged_into is null and o.erased_at is null
                         order by o.id limit 20
                        """).param("id", customer.value()).query(Long.class).list().stream()
                .map(CustomerId::new)
                .filter(other -> shareStorefront(customer, other))
                .map(this::view)
                .toList();
    }

    /** Of {@code others}, those that share a storefront with {@code customer} and could merge into it. */
    @Transactional(readOnly = true)
    public List<CustomerId> mergeableInto(CustomerId customer, List<CustomerId> others) {
        return others.stream()
                .filter(other -> !other.equals(customer) && !gone(other) && shareStorefront(customer, other))
                .toList();
    }

    /** The merges into this customer, newest first. */
    @Transactional(readOnly = true)
    public List<Merged> mergesInto(CustomerId customer) {
        return jdbc.sql("""
                        select at, actor, (details ->> 'duplicate')::bigint from audit_log
                         where action = 'customer.merged' and target_type = 'customer' and target_id = :id
                         order by id desc
                        """)
                .param("id", Long.toString(customer.value()))
                .query((rs, n) ->
                        new Merged(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getLong(3)))
                .list();
    }

    private void check(CustomerId survivor, CustomerId duplicate) {
        if (survivor.equals(duplicate)) {
            throw MergeRefused.withItself();
        }
        if (gone(survivor) || gone(duplicate)) {
            throw MergeRefused.erasedOrMerged();
        }
        if (!shareStorefront(survivor, duplicate)) {
            throw MergeRefused.acrossStorefronts();
        }
    }

    private boolean gone(CustomerId customer) {
        return jdbc.sql("select erased_at is not null or merged_into is not null from customer where id = :id")
                .param("id", customer.value())
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> NotFound.customer(customer.value()));
    }

    /**
     * A storefront a customer belongs to: the one that recorded them without an email, one with an
     * order or an external id of theirs, one whose LINE account they wrote to.
     */
    private boolean shareStorefront(CustomerId a, CustomerId b) {
        return jdbc.sql("""
                        select exists (select storefront_id from (%1$s) x intersect select storefront_id from (%2$s) y)
                        """.formatted(storefronts(":a"), storefronts(":b")))
                .param("a", a.value())
                .param("b", b.value())
                .query(Boolean.class)
                .single();
    }

    private static String storefronts(String id) {
        return ("select storefront_id from customer where id = %1$s and storefront_id is not null"
                        + " union select storefront_id from customer_order where customer_id = %1$s"
                        + " union select storefront_id from customer_external_id where customer_id = %1$s"
                        + " union select storefront_id from line_identity where customer_id = %1$s")
                .formatted(id);
    }

    private CustomerView view(CustomerId id) {
        return customers.find(id).orElseThrow(() -> NotFound.customer(id.value()));
    }
}
