package com.aftercare.web.api.events;

/** One example per event type, shown in the OpenAPI description. */
final class EventExamples {

    private EventExamples() {}

    static final String PLACED = """
            {
              "id": "evt-20261123-0001",
              "type": "order.placed",
              "occurredAt": "2026-11-23T10:15:30+09:00",
              "order": {
                "number": "R-20261123-0001",
                "currency": "JPY",
                "customer": {"email": "hanako@example.jp", "name": "山田 花子", "nameKana": "ヤマダ ハナコ", "phone": "090-1234-5678", "id": "C-1001",
                             "marketingConsent": {"granted": true, "wording": "ショップからのお得な情報をメールで受け取る"}},
                "lines": [
                  {"sku": "TS-001-M-NAVY", "name": "オーガニックコットンTシャツ M ネイビー", "category": "apparel", "quantity": 2, "unitPrice": 1800},
                  {"sku": "MUG-02", "name": "有田焼マグカップ", "category": "kitchen", "quantity": 1, "unitPrice": 2400}
                ],
                "shippingFee": 550,
                "discount": 0,
                "paymentMethod": "CARD",
                "shipping": {"discreet": false, "recipientName": "山田 花子", "postalCode": "150-0001", "prefecture": "東京都", "address": "渋谷区神宮前1-2-3", "phone": "090-1234-5678"}
              }
            }""";

    static final String PAID = """
            {"id": "evt-20261123-0002", "type": "order.paid", "occurredAt": "2026-11-23T10:16:02+09:00", "order": {"number": "R-20261123-0001"}}""";

    static final String SHIPPED = """
            {"id": "evt-20261124-0003", "type": "order.shipped", "occurredAt": "2026-11-24T15:00:00+09:00",
             "order": {"number": "R-20261123-0001", "shipping": {"carrier": "yamato", "trackingNumber": "1234-5678-9012"}}}""";

    static final String DELIVERED = """
            {"id": "evt-20261125-0004", "type": "order.delivered", "occurredAt": "2026-11-25T11:30:00+09:00", "order": {"number": "R-20261123-0001"}}""";

    static final String CANCELLED = """
            {"id": "evt-20261123-0005", "type": "order.cancelled", "occurredAt": "2026-11-23T12:00:00+09:00", "order": {"number": "R-20261123-0002"}}""";

    static final String REGISTERED = """
            {"id": "evt-20261120-0006", "type": "customer.registered", "occurredAt": "2026-11-20T09:00:00+09:00",
             "customer": {"email": "taro@example.jp", "name": "佐藤 太郎", "nameKana": "サトウ タロウ", "id": "C-1002"}}""";

    static final String COUPON_REDEEMED = """
            {"id": "evt-20261201-0007", "type": "coupon.redeemed", "occurredAt": "2026-12-01T20:05:00+09:00",
             "order": {"number": "R-20261201-0042"},
             "coupon": {"code": "ABCD-EFGH-JKLM", "discount": 500, "orderTotal": 4780}}""";
}
