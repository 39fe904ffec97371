package com.aftercare.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimChannel;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-up claim tests share: today is 25 November 2025 (JST), a fresh storefront with its API
 * key, an operator, claims opened as the storefront's API would, and a shirt sold in sizes S, M
 * and L whose M was bought and delivered on the 21st (the catalogue learns the sizes from the
 * orders' {@code product} and {@code variant}).
 */
public final class ClaimScene {

    public static final String DELIVERED = "2025-11-21T11:00:00+09:00";

    private final TestStorefront storefront;
    private final Api api;
    private final String operator;
    private final ClaimRequests requests;
    private final String product = Events.unique("TS");

    private ClaimScene(TestStorefront storefront, Api api, String operator, ClaimRequests requests) {
        this.storefront = storefront;
        this.api = api;
        this.operator = operator;
        this.requests = requests;
    }

    public static ClaimScene today(
            int port, TestClock clock, Storefronts storefronts, Operators operators, ClaimRequests requests) {
        clock.setJst("2025-11-25T10:00");
        TestStorefront storefront = TestStorefronts.create(storefronts);
        String operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(operator, "{noop}x", "担当 " + operator, Operators.Role.OPERATOR);
        return new ClaimScene(storefront, new Api(port, storefront.key()), operator, requests);
    }

    public TestStorefront storefront() {
        return storefront;
    }

    public Api api() {
        return api;
    }

    public String operator() {
        return operator;
    }

    /** Opens a one-line claim as the storefront's API would for the customer; its RMA. */
    public String open(String number, RequestType type, ReturnReason reason, String sku, String exchangeSku) {
        return requests.open(new ClaimRequests.OpenClaim(
                        storefront.id(),
                        number,
                        type,
                        reason,
                        List.of(new ClaimRequests.LineRequest(sku, 1, exchangeSku)),
                        null,
                        null,
                        false,
                        ClaimChannel.API,
                        null,
                        null,
                        ClaimRequests.CUSTOMER))
                .rma();
    }

    /** The shirt's SKU in a size (S, M, L). */
    public String shirt(String size) {
        return product + "-" + size;
    }

    public String product() {
        return product;
    }

    /**
     * An order of the M shirt by a new customer, delivered on the 21st, exchangeable for a change of
     * mind; other customers' orders taught the catalogue S and L.
     */
    public ClaimFixtures.TestOrder orderOfMediumShirt(JdbcClient jdbc) {
        placeShirt(Events.unique("R"), "S", Events.unique("buyer") + "@example.jp");
        placeShirt(Events.unique("R"), "L", Events.unique("buyer") + "@example.jp");
        String number = Events.unique("R");
        String email = Events.unique("claim") + "@example.jp";
        placeShirt(number, "M", email);
        ClaimFixtures.TestOrder order = new ClaimFixtures.TestOrder(number, email, shirt("M"), null, null);
        ClaimFixtures.progress(api, order, "order.shipped", "2025-11-19T15:00:00+09:00");
        ClaimFixtures.progress(api, order, "order.delivered", DELIVERED);
        ClaimFixtures.policy(jdbc, shirt("M"), "exchange_allowed", "true");
        return order;
    }

    /** An order of one shirt in that size, naming its product and variant. */
    public void placeShirt(String number, String size, String email) {
        place(number, shirt(size), size, email);
    }

    /** An order of one SKU said to be a variant of this scene's product in that size. */
    public void place(String number, String sku, String size, String email) {
        Api.Answer answer = api.postEvent("""
                {"id": "%s", "type": "order.placed", "occurredAt": "2025-11-18T10:15:30+09:00",
                 "order": {"number": "%s", "customer": {"email": "%s", "name": "山田 花子"},
                   "lines": [{"sku": "%s", "name": "Tシャツ %s", "quantity": 1, "unitPrice": 1800,
                              "product": "%s", "variant": {"サイズ": "%s", "カラー": "ネイビー"}}],
                   "paymentMethod": "CARD"}}
                """.formatted(Events.unique("evt"), number, email, sku, size, product, size));
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
    }
}
