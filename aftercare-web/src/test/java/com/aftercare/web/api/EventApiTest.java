package com.aftercare.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@AftercareIntegrationTest
class EventApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    TestStorefront shop;
    Api api;

    @BeforeEach
    void newStorefront() {
        shop = TestStorefronts.create(storefronts);
        api = new Api(port, shop.key());
    }

    @Test
    void shouldApplyPlacedOrderAndServeItWithLinesAndHistory() {
        String number = Events.unique("A");
        Api.Answer placed =
                api.postEvent(Events.placed(Events.unique("evt"), number, Events.unique("hanako") + "@example.jp"));

        assertThat(placed.status()).isEqualTo(200);
        assertThat(placed.json().get("result").asString()).isEqualTo("APPLIED");
        assertThat(placed.json().get("orderStatus").asString()).isEqualTo("PLACED");

        JsonNode order = api.get("/api/v1/orders/" + number).json();
        assertThat(order.get("status").asString()).isEqualTo("PLACED");
        assertThat(order.get("subtotal").asLong()).isEqualTo(2 * 1800 + 2400);
        assertThat(order.get("total").asLong()).isEqualTo(2 * 1800 + 2400 + 550);
        assertThat(order.get("lines")).hasSize(2);
        assertThat(order.get("lines").get(0).get("name").asString()).isEqualTo("オーガニックコットンTシャツ");
        assertThat(order.get("history")).hasSize(1);
    }

    /**
     * The catalogue learns all of an order's lines in one statement, and an upsert may not touch a
     * row twice: a SKU named on two lines is learned once, as its last line describes it.
     */
    @Test
    void shouldLearnASkuNamedOnTwoLinesAsItsLastLineDescribesIt() {
        String sku = Events.unique("TS");
        String body = Events.placed(Events.unique("evt"), Events.unique("A"), Events.unique("hanako") + "@example.jp")
                .replace("TS-001-M-NAVY", sku)
                .replace("MUG-02", sku);

        Api.Answer placed = api.postEvent(body);

        assertThat(placed.status()).isEqualTo(200);
        assertThat(placed.json().get("result").asString()).isEqualTo("APPLIED");
        List<String> learned = jdbc.sql("""
                        select name || ' ' || unit_price_minor from catalogue_variant
                         where storefront_id = :s and sku = :sku
                        """)
                .param("s", shop.id().value())
                .param("sku", sku)
                .query(String.class)
                .list();
        assertThat(learned).containsExactly("有田焼マグカップ 2400");
    }

    /**
     * A popular SKU is on most orders: writing its row only to note it was seen again would lock
     * it until each order commits, and every other order naming it would wait (#16 §3). PostgreSQL
     * gives an updated row a new {@code xmin}, so an unchanged one shows it was not written.
     */
    @Test
    void shouldNotWriteAVariantAnOrderDescribesAsTheCatalogueAlreadyDoes() {
        String sku = Events.unique("TS");
        String first = Events.placed(Events.unique("evt"), Events.unique("A"), Events.unique("v1") + "@example.jp")
                .replace("TS-001-M-NAVY", sku);
        api.postEvent(first);
        String written = variantVersion(sku);

        api.postEvent(Events.placed(Events.unique("evt"), Events.unique("A"), Events.unique("v2") + "@example.jp")
                .replace("TS-001-M-NAVY", sku)
                .replace("2026-11-23T10:15:30+09:00", "2026-11-24T10:15:30+09:00"));
        assertThat(variantVersion(sku)).isEqualTo(written);

        api.postEvent(Events.placed(Events.unique("evt"), Events.unique("A"), Events.unique("v3") + "@example.jp")
                .replace("TS-001-M-NAVY", sku)
                .replace("オーガニックコットンTシャツ", "オーガニックコットンTシャツ（新色）")
                .replace("2026-11-23T10:15:30+09:00", "2026-11-25T10:15:30+09:00"));
        assertThat(variantVersion(sku)).isNotEqualTo(written);
        assertThat(jdbc.sql("select name from catalogue_variant where storefront_id = :s and sku = :sku")
                        .param("s", shop.id().value())
                        .param("sku", sku)
                        .query(String.class)
                        .single())
                .isEqualTo("オーガニックコットンTシャツ（新色）");
    }

    private String variantVersion(String sku) {
        return jdbc.sql("select xmin::text from catalogue_variant where storefront_id = :s and sku = :sku")
                .param("s", shop.id().value())
                .param("sku", sku)
                .query(String.class)
                .single();
    }

    @Test
    void shouldAnswerARetryAsBeforeAndApplyItOnce() {
        String number = Events.unique("A");
        String eventId = Events.unique("evt");
        String body = Events.placed(eventId, number, Events.unique("retry") + "@example.jp");

        Api.Answer first = api.postEvent(body);
        Api.Answer retry = api.postEvent(body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("duplicate").asBoolean()).isTrue();
        assertThat(retry.json().get("result").asString()).isEqualTo("APPLIED");
        assertThat(countOrders(number)).isEqualTo(1);
        assertThat(api.get("/api/v1/orders/" + number).json().get("history")).hasSize(1);
    }

    @Test
    void shouldTreatTheSameEventWithKeysReorderedAsARetry() {
        String eventId = Events.unique("evt");
        String number = Events.unique("A");
        api.postEvent(Events.progressed(eventId, "order.paid", number, "2026-11-23T10:00:00+09:00"));

        Api.Answer reordered = api.postEvent("""
                {"order": {"number": "%s"}, "occurredAt": "2026-11-23T10:00:00+09:00", "type": "order.paid", "id": "%s"}
                """.formatted(number, eventId));

        assertThat(reordered.status()).isEqualTo(202);
        assertThat(reordered.json().get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void shouldRefuseTheSameEventIdWithADifferentBody() {
        String eventId = Events.unique("evt");
        String number = Events.unique("A");
        api.postEvent(Events.progressed(eventId, "order.paid", number, "2026-11-23T10:00:00+09:00"));

        Api.Answer conflict =
                api.postEvent(Events.progressed(eventId, "order.paid", number, "2026-11-23T11:00:00+09:00"));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.isProblem()).isTrue();
        assertThat(conflict.json().get("detail").asString()).contains(eventId);
    }

    @Test
    void shouldRecordALateShipmentButKeepTheOrderDelivered() {
        String number = Events.unique("A");
        api.postEvent(Events.placed(Events.unique("evt"), number, Events.unique("late") + "@example.jp"));
        api.postEvent(Events.progressed(Events.unique("evt"), "order.delivered", number, "2026-11-25T11:00:00+09:00"));

        Api.Answer lateShipment =
                api.postEvent(Events.shipped(Events.unique("evt"), number, "2026-11-24T15:00:00+09:00", "1234-5678"));

        assertThat(lateShipment.status()).isEqualTo(200);
        assertThat(lateShipment.json().get("orderStatus").asString()).isEqualTo("DELIVERED");
        JsonNode order = api.get("/api/v1/orders/" + number).json();
        assertThat(order.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(order.get("trackingNumber").asString()).isEqualTo("1234-5678");
        assertThat(order.get("shippedAt").asString()).isEqualTo("2026-11-24T06:00:00Z");
        JsonNode shipment = StreamSupport.stream(order.get("history").spliterator(), false)
                .filter(h -> h.get("type").asString().equals("order.shipped"))
                .findFirst()
                .orElseThrow();
        assertThat(shipment.get("statusFrom").asString()).isEqualTo("DELIVERED");
        assertThat(shipment.get("statusTo").asString()).isEqualTo("DELIVERED");
        assertThat(shipment.get("note").asString()).contains("late");
    }

    @Test
    void shouldKeepEventsForAnUnknownOrderAndApplyThemWhenItArrives() {
        String number = Events.unique("A");
        Api.Answer paidFirst = api.postEvent(
                Events.progressed(Events.unique("evt"), "order.paid", number, "2026-11-23T10:20:00+09:00"));
        Api.Answer shippedSecond =
                api.postEvent(Events.shipped(Events.unique("evt"), number, "2026-11-24T09:00:00+09:00", "9999"));

        assertThat(paidFirst.status()).isEqualTo(202);
        assertThat(paidFirst.json().get("result").asString()).isEqualTo("PENDING_ORDER");
        assertThat(shippedSecond.status()).isEqualTo(202);
        assertThat(api.get("/api/v1/orders/" + number).status()).isEqualTo(404);

        Api.Answer placed =
                api.postEvent(Events.placed(Events.unique("evt"), number, Events.unique("early") + "@example.jp"));

        assertThat(placed.json().get("orderStatus").asString()).isEqualTo("SHIPPED");
        JsonNode order = api.get("/api/v1/orders/" + number).json();
        assertThat(order.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(order.get("history")).hasSize(3);
        assertThat(order.get("paidAt").isNull()).isFalse();
    }

    @Test
    void shouldNeverUncancelOrCancelADeliveredOrder() {
        String cancelled = Events.unique("A");
        api.postEvent(Events.placed(Events.unique("evt"), cancelled, Events.unique("c") + "@example.jp"));
        api.postEvent(
                Events.progressed(Events.unique("evt"), "order.cancelled", cancelled, "2026-11-23T11:00:00+09:00"));
        api.postEvent(Events.progressed(Events.unique("evt"), "order.paid", cancelled, "2026-11-23T10:30:00+09:00"));
        assertThat(api.get("/api/v1/orders/" + cancelled).json().get("status").asString())
                .isEqualTo("CANCELLED");

        String delivered = Events.unique("A");
        api.postEvent(Events.placed(Events.unique("evt"), delivered, Events.unique("d") + "@example.jp"));
        api.postEvent(
                Events.progressed(Events.unique("evt"), "order.delivered", delivered, "2026-11-25T11:00:00+09:00"));
        api.postEvent(
                Events.progressed(Events.unique("evt"), "order.cancelled", delivered, "2026-11-26T11:00:00+09:00"));
        assertThat(api.get("/api/v1/orders/" + delivered).json().get("status").asString())
                .isEqualTo("DELIVERED");
    }

    @Test
    void shouldApplyConcurrentDeliveriesOfOneEventExactlyOnce() throws Exception {
        String number = Events.unique("A");
        String body = Events.placed(Events.unique("evt"), number, Events.unique("race") + "@example.jp");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Api.Answer>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sends.add(() -> api.postEvent(body));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Answer> answer : pool.invokeAll(sends)) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).containsOnly(200);
        } finally {
            pool.shutdown();
        }
        assertThat(countOrders(number)).isEqualTo(1);
        assertThat(api.get("/api/v1/orders/" + number).json().get("history")).hasSize(1);
    }

    @Test
    void shouldRecogniseOneCustomerAcrossStorefrontsByNormalisedEmail() {
        String local = Events.unique("same");
        api.postEvent(Events.placed(Events.unique("evt"), Events.unique("A"), local + "@example.jp"));
        TestStorefront other = TestStorefronts.create(storefronts);
        Api otherApi = new Api(port, other.key());
        otherApi.postEvent(
                Events.placed(Events.unique("evt"), Events.unique("B"), local.toUpperCase() + "@EXAMPLE.JP"));

        Long customers = jdbc.sql("select count(*) from customer where email_normalized = :e")
                .param("e", local.toLowerCase() + "@example.jp")
                .query(Long.class)
                .single();
        assertThat(customers).isEqualTo(1);
    }

    private long countOrders(String number) {
        return jdbc.sql("select count(*) from customer_order where storefront_id = :s and order_number = :n")
                .param("s", shop.id().value())
                .param("n", number)
                .query(Long.class)
                .single();
    }
}
