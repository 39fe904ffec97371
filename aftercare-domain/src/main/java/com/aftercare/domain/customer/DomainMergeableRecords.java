package com.aftercare.domain.customer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The domain's own rows under a customer: orders, storefront ids, consents, notes, LINE users, coupons. */
@Component
class DomainMergeableRecords implements MergeableRecords {

    /** kind → table; each table's {@code customer_id} moves as a whole. */
    private static final Map<String, String> TABLES = Map.of(
            "orders", "customer_order",
            "consents", "consent_record",
            "notes", "customer_note",
            "lineIdentities", "line_identity");

    private final JdbcClient jdbc;

    DomainMergeableRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> countsOf(CustomerId customer) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String kind : new String[] {"orders", "consents", "notes", "lineIdentities"}) {
            counts.put(kind, count("select count(*) from " + TABLES.get(kind) + " where customer_id = :id", customer));
        }
        counts.put("coupons", count("select count(*) from coupon where customer_id = :id", customer));
        return counts;
    }

    @Override
    public void move(CustomerId from, CustomerId into) {
        TABLES.values()
                .forEach(table -> jdbc.sql("update " + table + " set customer_id = :into where customer_id = :from")
                        .param("into", into.value())
                        .param("from", from.value())
                        .update());
        // a storefront's own id for the person, and a coupon of the same campaign and source, once per customer
        jdbc.sql("""
                        update customer_external_id x set customer_id = :into
                         where x.customer_id = :from
                        """).param("into", into.value()).param("from", from.value()).update();
        jdbc.sql("""
                        update coupon c set customer_id = :into
                         where c.customer_id = :from
                           and not exists (select 1 from coupon k where k.customer_id = :into
                                            and k.campaign_id = c.campaign_id and k.source = c.source)
                        """).param("into", into.value()).param("from", from.value()).update();
    }

    private int count(String sql, CustomerId customer) {
        return jdbc.sql(sql).param("id", customer.value()).query(Integer.class).single();
    }
}
