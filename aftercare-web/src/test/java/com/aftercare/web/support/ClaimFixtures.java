package com.aftercare.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders to claim against, sent the way a storefront sends them, with SKUs and a category of the
 * test's own so product policies set by one test never touch another.
 */
public final class ClaimFixtures {

    private ClaimFixtures() {}

    /** An order's number, its buyer's address, and its two SKUs: 2 shirts at ¥1,800, 1 mug at ¥2,400. */
    public record TestOrder(String number, String email, String shirt, String mug, String category) {}

    public static TestOrder placed(Api api, String paymentMethod, boolean discreet) {
        String prefix = Events.unique("C");
        return place(
                api,
                new TestOrder(
                        Events.unique("R"),
                        Events.unique("claim") + "@example.jp",
                        prefix + "-SHIRT",
                        prefix + "-MUG",
                        "cat-" + prefix.toLowerCase(java.util.Locale.ROOT)),
                paymentMethod,
                discreet);
    }

    /** The same customer buys the same products again, delivered at {@code deliveredAt}. */
    public static TestOrder again(Api api, TestOrder earlier, String deliveredAt) {
        TestOrder order = place(
                api,
                new TestOrder(Events.unique("R"), earlier.email(), earlier.shirt(), earlier.mug(), earlier.category()),
                "CARD",
                false);
        progress(api, order, "order.delivered", deliveredAt);
        return order;
    }

    private static TestOrder place(Api api, TestOrder order, String paymentMethod, boolean discreet) {
        Api.Answer answer = api.postEvent("""
                {"id": "%s", "type": "order.placed", "occurredAt": "2025-11-18T10:15:30+09:00",
                 "order": {"number": "%s", "currency": "JPY",
                   "customer": {"email": "%s", "name": "山田 花子"},
                   "lines": [
                     {"sku": "%s", "name": "オーガニックコットンTシャツ", "category": "%s", "quantity": 2, "unitPrice": 1800},
                     {"sku": "%s", "name": "有田焼マグカップ", "category": "%s", "quantity": 1, "unitPrice": 2400}],
                   "shippingFee": 550, "paymentMethod": "%s",
                   "shipping": {"discreet": %s, "postalCode": "150-0001", "prefecture": "東京都", "address": "渋谷区神宮前1-2-3"}}}
                """.formatted(
                        Events.unique("evt"),
                        order.number(),
                        order.email(),
                        order.shirt(),
                        order.category(),
                        order.mug(),
                        order.category(),
                        paymentMethod,
                        discreet));
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
        return order;
    }

    /** Placed and delivered at {@code deliveredAt} (ISO with offset). */
    public static TestOrder delivered(Api api, String paymentMethod, boolean discreet, String deliveredAt) {
        TestOrder order = placed(api, paymentMethod, discreet);
        progress(api, order, "order.shipped", "2025-11-19T15:00:00+09:00");
        progress(api, order, "order.delivered", deliveredAt);
        return order;
    }

    /** A customer's return of {@code quantity} of {@code sku}, for a wrong size, through the API. */
    public static Api.Answer openReturn(Api api, TestOrder order, String sku, int quantity) {
        return api.postJson("/api/v1/returns", """
                {"orderNumber": "%s", "type": "RETURN", "reason": "SIZE",
                 "lines": [{"sku": "%s", "quantity": %d}]}""".formatted(order.number(), sku, quantity));
    }

    public static void progress(Api api, TestOrder order, String type, String occurredAt) {
        Api.Answer answer = api.postEvent(Events.progressed(Events.unique("evt"), type, order.number(), occurredAt));
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
    }

    /** Sets the after-sales terms of one SKU (the table is global; SKUs are the test's own). */
    public static void policy(JdbcClient jdbc, String sku, String columns, String values) {
        jdbc.sql("insert into product_policy (sku, " + columns + ") values (:sku, " + values + ")")
                .param("sku", sku)
                .update();
    }

    /** Waits until step mail has heard the claim's outcome (its {@code ClaimResolved} names the RMA). */
    public static void awaitOutcomeHeard(JdbcClient jdbc, String rma) {
        Publications.awaitCompletedOnce(jdbc, "ProductStops", "ClaimResolved", rma);
    }
}
