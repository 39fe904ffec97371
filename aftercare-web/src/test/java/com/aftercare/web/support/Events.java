package com.aftercare.web.support;

import java.util.UUID;

/** Storefront events as JSON, the way a storefront sends them. */
public final class Events {

    private Events() {}

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static String placed(String eventId, String orderNumber, String email) {
        return placed(eventId, orderNumber, email, false);
    }

    public static String placed(String eventId, String orderNumber, String email, boolean discreet) {
        return """
                {"id": "%s", "type": "order.placed", "occurredAt": "2026-11-23T10:15:30+09:00",
                 "order": {"number": "%s", "currency": "JPY",
                   "customer": {"email": "%s", "name": "山田 花子", "nameKana": "ヤマダ ハナコ", "phone": "090-1234-5678"},
                   "lines": [
                     {"sku": "TS-001-M-NAVY", "name": "オーガニックコットンTシャツ", "category": "apparel", "quantity": 2, "unitPrice": 1800},
                     {"sku": "MUG-02", "name": "有田焼マグカップ", "category": "kitchen", "quantity": 1, "unitPrice": 2400}],
                   "shippingFee": 550, "paymentMethod": "CARD",
                   "shipping": {"discreet": %s, "postalCode": "150-0001", "prefecture": "東京都", "address": "渋谷区神宮前1-2-3"}}}
                """.formatted(eventId, orderNumber, email, discreet);
    }

    /** An order.placed whose customer agreed to promotional mail at the storefront. */
    public static String placedWithConsent(String eventId, String orderNumber, String email) {
        return placed(eventId, orderNumber, email)
                .replace(
                        "\"phone\": \"090-1234-5678\"}",
                        "\"phone\": \"090-1234-5678\", \"marketingConsent\": {\"granted\": true, \"wording\": \"お得な情報をメールで受け取る\"}}");
    }

    public static String progressed(String eventId, String type, String orderNumber, String occurredAt) {
        return """
                {"id": "%s", "type": "%s", "occurredAt": "%s", "order": {"number": "%s"}}
                """.formatted(eventId, type, occurredAt, orderNumber);
    }

    public static String shipped(String eventId, String orderNumber, String occurredAt, String tracking) {
        return """
                {"id": "%s", "type": "order.shipped", "occurredAt": "%s",
                 "order": {"number": "%s", "shipping": {"carrier": "yamato", "trackingNumber": "%s"}}}
                """.formatted(eventId, occurredAt, orderNumber, tracking);
    }
}
