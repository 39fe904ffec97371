package com.aftercare.returns.privacy;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.privacy.CustomerErased;
import com.aftercare.domain.privacy.ExpiringData;
import com.aftercare.domain.privacy.PersonalData;
import com.aftercare.domain.privacy.RetentionPeriods;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the claims hold about a customer: their note, the photos they sent, the bank account for a
 * transfer, operators' notes on the claim's steps and inspection, the exchange parcel. Erased, all of
 * that goes; type, reason, status, amounts and times stay for the figures. Past the storefront's
 * periods, the photos and the bank account of a claim settled before the cutoff go.
 */
@Component
class ClaimPersonalData implements PersonalData, ExpiringData {

    /** A claim is settled from when it was resolved (or closed); until then it may still need both. */
    private static final String SETTLED_BEFORE = """
            select id from claim
             where storefront_id = :storefront and coalesce(resolved_at, closed_at) < :cutoff
            """;

    private final JdbcClient jdbc;

    ClaimPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomerErased event) {
        long customer = event.customer().value();
        jdbc.sql("delete from claim_photo p using claim c where p.claim_id = c.id and c.customer_id = :customer")
                .param("customer", customer)
                .update();
        jdbc.sql("""
                        update claim_status_history h set note = null
                          from claim c where h.claim_id = c.id and c.customer_id = :customer
                        """).param("customer", customer).update();
        jdbc.sql("""
                        update claim set customer_note = null, inspection_note = null, exchange_tracking = null,
                                         bank_account_enc = null, bank_account_masked = null,
                                         bank_account_erased_at = coalesce(bank_account_erased_at, :at),
                                         updated_at = now(), version = version + 1
                         where customer_id = :customer
                        """)
                .param("at", Timestamp.from(event.at()))
                .param("customer", customer)
                .update();
    }

    @Override
    public Map<String, List<Map<String, Object>>> sectionsOf(CustomerId customer) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("claims", select("""
                select c.rma, o.order_number, c.type, c.reason, c.status, c.channel, c.customer_note, c.refund_route,
                       c.refund_total_yen, c.store_credit_yen, c.bank_account_masked, c.bank_account_erased_at,
                       c.inspection_note, c.exchange_tracking, c.rejection_reason, c.requested_at, c.resolved_at,
                       c.closed_at
                  from claim c join order_view o on o.id = c.order_id
                 where c.customer_id = :customer order by c.requested_at, c.id
                """, customer));
        sections.put("claim-photos", select("""
                select c.rma, p.photo_key::text as photo_key, p.content_type, p.size_bytes, p.uploaded_at
                  from claim_photo p join claim c on c.id = p.claim_id
                 where c.customer_id = :customer order by p.uploaded_at, p.id
                """, customer));
        return sections;
    }

    @Override
    public List<Removal> expire(RetentionPeriods.Periods periods, Instant now) {
        // every claim has a storefront: the shop-wide pass has nothing here
        if (periods.storefront() == null) {
            return List.of();
        }
        List<Removal> removed = new ArrayList<>();
        if (periods.claimPhotoDays() != null) {
            Instant cutoff = now.minus(Duration.ofDays(periods.claimPhotoDays()));
            int photos = jdbc.sql("delete from claim_photo where claim_id in (" + SETTLED_BEFORE + ")")
                    .param("storefront", periods.storefront().value())
                    .param("cutoff", Timestamp.from(cutoff))
                    .update();
            removed.add(new Removal("claim-photo", photos, cutoff));
        }
        if (periods.bankAccountDays() != null) {
            Instant cutoff = now.minus(Duration.ofDays(periods.bankAccountDays()));
            int accounts = jdbc.sql("""
                            update claim set bank_account_enc = null, bank_account_masked = null,
                                             bank_account_erased_at = :now, updated_at = now(), version = version + 1
                             where bank_account_enc is not null and id in (""" + SETTLED_BEFORE + ")")
                    .param("now", Timestamp.from(now))
                    .param("storefront", periods.storefront().value())
                    .param("cutoff", Timestamp.from(cutoff))
                    .update();
            removed.add(new Removal("bank-account", accounts, cutoff));
        }
        return removed;
    }

    private List<Map<String, Object>> select(String sql, CustomerId customer) {
        return PersonalData.rows(
                jdbc.sql(sql).param("customer", customer.value()).query().listOfRows());
    }
}
