package com.aftercare.domain.privacy;

import com.aftercare.domain.customer.CustomerId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The domain's sections of a disclosure: the customer, the storefronts' ids of them, their orders
 * with lines, consents, coupons, operators' notes and the audit entries about them.
 */
@Component
class DomainPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    DomainPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<Map<String, Object>>> sectionsOf(CustomerId customer) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("customer", select("""
                select id, email, name, name_kana, phone, promotional_consent, promotional_consent_at, created_at,
                       updated_at, erased_at
                  from customer where id = :customer
                """, customer));
        sections.put("storefront-accounts", select("""
                select s.code as storefront, x.external_id
                  from customer_external_id x join storefront s on s.id = x.storefront_id
                 where x.customer_id = :customer order by s.code
                """, customer));
        sections.put("orders", select("""
                select s.code as storefront, o.order_number, o.external_id, o.status, o.currency, o.subtotal_minor,
                       o.shipping_fee_minor, o.discount_minor, o.total_minor, o.refunded_minor, o.payment_method,
                       o.ship_recipient_name, o.ship_postal_code, o.ship_prefecture, o.ship_address, o.ship_phone,
                       o.discreet, o.carrier, o.tracking_number, o.placed_at, o.paid_at, o.shipped_at, o.delivered_at,
                       o.cancelled_at, o.retained_until
                  from customer_order o join storefront s on s.id = o.storefront_id
                 where o.customer_id = :customer order by o.placed_at, o.id
                """, customer));
        sections.put("order-lines", select("""
                select o.order_number, l.sku, l.product_name, l.category, l.quantity, l.unit_price_minor
                  from order_line l join customer_order o on o.id = l.order_id
                 where o.customer_id = :customer order by o.placed_at, o.id, l.id
                """, customer));
        sections.put("consents", select("""
                select granted, source, wording, recorded_at from consent_record
                 where customer_id = :customer order by recorded_at, id
                """, customer));
        sections.put("coupons", select("""
                select code, source, discount_kind, discount_value, expires_at, redemptions, issued_at from coupon
                 where customer_id = :customer order by issued_at, id
                """, customer));
        sections.put("notes", select("""
                select body, author, created_at from customer_note
                 where customer_id = :customer order by created_at, id
                """, customer));
        sections.put("audit", select("""
                select at, actor, action, details::text as details from audit_log
                 where target_type = 'customer' and target_id = cast(:customer as text) order by at, id
                """, customer));
        return sections;
    }

    private List<Map<String, Object>> select(String sql, CustomerId customer) {
        return PersonalData.rows(
                jdbc.sql(sql).param("customer", customer.value()).query().listOfRows());
    }
}
