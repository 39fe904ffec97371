package com.aftercare.web.badinput;

import static com.aftercare.web.badinput.BadInputFixtures.inboundEvents;
import static com.aftercare.web.badinput.BadInputFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.shopify.ShopifyConnections;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.ShopifyStore;
import com.aftercare.web.support.TestStorefronts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Amounts each of which fits a {@code long} but whose total does not: refused as a field problem
 * (the rule lives where every order is described, so CSV imports and Shopify orders share it),
 * never an overflow answered with a 500, and nothing written.
 */
@AftercareIntegrationTest
class AmountOverflowTest {

    /** 2^62: twice it is one more than {@code Long.MAX_VALUE}. */
    static final String HALF_OF_TWO_TO_THE_63 = "4611686018427387904";

    static final String SHOPIFY_SECRET = "amount-overflow-shopify-secret-0123456789";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ShopifyConnections connections;

    Api api;

    @BeforeEach
    void storefront() {
        api = new Api(port, TestStorefronts.create(storefronts).key());
    }

    @Test
    void shouldRefuseAUnitPriceWhoseLineAmountOverflowsAndNameTheLine() {
        String eventId = Events.unique("ovf");
        String number = Events.unique("OVF");
        String body = placed(eventId, number)
                .replace(
                        "\"quantity\": 2, \"unitPrice\": 1800",
                        "\"quantity\": 2, \"unitPrice\": " + HALF_OF_TWO_TO_THE_63);

        Api.Answer answer = api.postEvent(body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("order.lines[0].unitPrice");
        assertThat(answer.json().get("errors").get(0).get("reason").asString()).contains("too large");
        assertNothingWritten(eventId, number);
    }

    @Test
    void shouldRefuseLinesThatOverflowOnlyWhenAddedTogether() {
        String eventId = Events.unique("ovf");
        String number = Events.unique("OVF");
        String body = placed(eventId, number)
                .replace("\"quantity\": 2, \"unitPrice\": 1800", "\"quantity\": 1, \"unitPrice\": " + Long.MAX_VALUE)
                .replace("\"unitPrice\": 2400", "\"unitPrice\": 1");

        Api.Answer answer = api.postEvent(body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("order.lines[1].unitPrice");
        assertNothingWritten(eventId, number);
    }

    @Test
    void shouldRefuseAShippingFeeThatOverflowsTheTotal() {
        String eventId = Events.unique("ovf");
        String number = Events.unique("OVF");
        String body = placed(eventId, number).replace("\"shippingFee\": 550", "\"shippingFee\": " + Long.MAX_VALUE);

        Api.Answer answer = api.postEvent(body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("order.shippingFee");
        assertNothingWritten(eventId, number);
    }

    @Test
    void shouldRefuseAShopifyOrderWhoseTotalOverflowsAndWriteNothing() {
        TestStorefronts.TestStorefront storefront = TestStorefronts.create(storefronts);
        connections.saveSecret(storefront.id(), SHOPIFY_SECRET, "admin");
        String payload = ShopifyStore.payload("orders-create");
        assertThat(payload).contains("\"price\": \"1800\"");

        Api.Answer answer = new ShopifyStore(port, storefront.code(), SHOPIFY_SECRET)
                .send(
                        "orders/create",
                        payload.replaceFirst("\"price\": \"1800\"", "\"price\": \"" + Long.MAX_VALUE + "\""));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).contains("too large");
        assertThat(jdbc.sql("select count(*) from customer_order where storefront_id = :s")
                        .param("s", storefront.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static String placed(String eventId, String number) {
        String body = Events.placed(eventId, number, Events.unique("ovf") + "@example.jp");
        assertThat(body).contains("\"quantity\": 2, \"unitPrice\": 1800").contains("\"shippingFee\": 550");
        return body;
    }

    private void assertNothingWritten(String eventId, String number) {
        assertThat(inboundEvents(jdbc, eventId)).isZero();
        assertThat(orders(jdbc, number)).isZero();
    }
}
