package com.aftercare.web.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.consent.MarketingConsent;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.order.Money;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.OrderStatus;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.order.TrackingLinks;
import com.aftercare.domain.shopify.GatewayMapping;
import com.aftercare.domain.shopify.ShopifyConnections;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.Claims;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.ShopifyStore;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shopify's webhooks end to end, signed as Shopify signs them, on payloads in Shopify's published
 * shapes (src/test/resources/shopify, sources in docs/integrations-shopify.md): a Japanese order
 * paid cash on delivery, shipped in two parcels, delivered and partly refunded, as the facades
 * see it afterwards; a cancellation that arrives first; consent from the customer and from its
 * own topic; and what is refused (a forged signature, a replay, bad input), with nothing stored.
 * Today is 27 November 2026 (JST).
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ShopifyWebhooksTest {

    static final String SECRET = "shpss_0123456789abcdef0123456789abcdef";
    static final OrderNumber NUMBER = new OrderNumber("#1001");

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    ShopifyConnections connections;

    @Autowired
    Orders orders;

    @Autowired
    Customers customers;

    @Autowired
    MarketingConsent consent;

    @Autowired
    Claims claims;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    TestStorefront storefront;
    ShopifyStore shopify;
    String email;

    @BeforeEach
    void connectAShopifyStore() {
        clock.setJst("2026-11-27T10:00");
        storefront = TestStorefronts.create(storefronts);
        connections.saveSecret(storefront.id(), SECRET, "admin");
        shopify = new ShopifyStore(port, storefront.code(), SECRET);
        email = Events.unique("hanako") + "@example.jp";
    }

    /** A test payload for this test's own customer. */
    String payload(String name) {
        return ShopifyStore.payload(name)
                .replace("hanako.yamada@example.jp", email)
                .replace("ken.sato@example.jp", email);
    }

    Api.Answer send(String topic, String payload) {
        Api.Answer answer = shopify.send(topic, payload(payload));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    OrderView order() {
        return orders.find(storefront.id(), NUMBER).orElseThrow();
    }

    @Test
    void shouldFollowAJapaneseOrderFromCheckoutThroughTwoParcelsToDeliveryAndAPartialRefund() {
        assertThat(send("orders/create", "orders-create").json().get("result").asString())
                .isEqualTo("APPLIED");

        OrderView placed = order();
        assertThat(placed.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(placed.paymentMethod()).as("代金引換, by the default mapping").isEqualTo("COD");
        assertThat(placed.isDiscreet()).as("the 家族にもばれたくない cart attribute").isTrue();
        assertThat(placed.shipping().recipientName()).isEqualTo("山田 花子");
        assertThat(placed.shipping().postalCode()).isEqualTo("150-0001");
        assertThat(placed.shipping().prefecture()).isEqualTo("東京都");
        assertThat(placed.shipping().address()).isEqualTo("渋谷区 神宮前1-2-3 アフターケアマンション101");
        assertThat(placed.lines())
                .extracting(OrderView.Line::sku, OrderView.Line::name, OrderView.Line::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("TS-001-M-NAVY", "オーガニックコットンTシャツ - M / ネイビー", 2),
                        org.assertj.core.groups.Tuple.tuple("shopify-44870120110002", "有田焼マグカップ", 1));
        assertThat(placed.total()).isEqualTo(Money.yen(2 * 1800 + 2400 + 550));
        assertThat(customers.find(placed.customer()).orElseThrow().name()).isEqualTo("山田 花子");

        send("orders/paid", "orders-paid");
        assertThat(order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(order().paidAt())
                .isEqualTo(OffsetDateTime.parse("2026-11-23T18:40:12+09:00").toInstant());

        send("fulfillments/create", "fulfillments-create-partial");
        OrderView shipped = order();
        assertThat(shipped.status()).as("the first parcel ships the order").isEqualTo(OrderStatus.SHIPPED);
        assertThat(shipped.carrier()).isEqualTo("Yamato (JA)");
        assertThat(shipped.trackingNumber()).isEqualTo("4470-1234-5678");
        assertThat(TrackingLinks.url(shipped.carrier(), shipped.trackingNumber()))
                .hasValueSatisfying(url -> assertThat(url).contains("kuronekoyamato"));

        send("orders/fulfilled", "orders-fulfilled");
        assertThat(order().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order().trackingNumber()).as("the second parcel's number").isEqualTo("3601-2345-6789");

        send("fulfillments/update", "fulfillments-update-delivered");
        assertThat(order().status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order().deliveredAt())
                .isEqualTo(OffsetDateTime.parse("2026-11-25T14:10:00+09:00").toInstant());

        assertThat(send("refunds/create", "refunds-create-partial")
                        .json()
                        .get("orderNumber")
                        .asString())
                .isEqualTo("#1001");
        Orders.Refunds refunds = orders.refunds(order().id());
        assertThat(refunds.total()).isEqualTo(Money.yen(1800));
        assertThat(refunds.refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.ref()).isEqualTo("9310044400001");
            assertThat(refund.note()).isEqualTo("サイズが合わなかったため 1 枚分を返金");
        });
        assertThat(order().status()).as("a refund moves no status").isEqualTo(OrderStatus.DELIVERED);
        assertThat(order().history())
                .last()
                .satisfies(h -> assertThat(h.eventType()).isEqualTo("order.refunded"));
    }

    @Test
    void shouldFindAShopifyOrderOnThePortalWithOrWithoutItsHashAndThroughTheApi() {
        send("orders/create", "orders-create");

        Api.Answer fromTheApi = new Api(port, storefront.key()).get("/api/v1/orders/%231001");
        assertThat(fromTheApi.status()).as(fromTheApi.body()).isEqualTo(200);
        assertThat(fromTheApi.json().get("number").asString()).isEqualTo("#1001");

        assertThat(orders.findByNumberAndContact("#1001", email)).isPresent();
        assertThat(orders.findByNumberAndContact("1001", email)).isPresent();
        assertThat(orders.findByNumberAndContact("＃１００１", email))
                .as("typed full-width")
                .isPresent();
        assertThat(orders.findByNumberAndContact("1001", "someone-else@example.jp"))
                .isEmpty();
    }

    @Test
    void shouldCancelAnOrderWhoseCancellationArrivesBeforeTheOrder() {
        assertThat(send("orders/cancelled", "orders-cancelled")
                        .json()
                        .get("result")
                        .asString())
                .isEqualTo("PENDING_ORDER");

        send("orders/create", "orders-create");

        assertThat(order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order().cancelledAt())
                .isEqualTo(OffsetDateTime.parse("2026-11-23T12:02:44+09:00").toInstant());
    }

    @Test
    void shouldRecordARefundArrivingBeforeItsOrderOnceTheOrderArrives() {
        assertThat(send("refunds/create", "refunds-create-partial")
                        .json()
                        .get("result")
                        .asString())
                .isEqualTo("PENDING_ORDER");

        send("orders/create", "orders-create");

        assertThat(orders.refunds(order().id()).total()).isEqualTo(Money.yen(1800));
    }

    @Test
    void shouldNoteAShopifyRefundOnTheReturnItBelongsTo() {
        send("orders/create", "orders-create");
        send("fulfillments/create", "fulfillments-create-partial");
        send("fulfillments/update", "fulfillments-update-delivered");
        Api.Answer opened = new Api(port, storefront.key()).postJson("/api/v1/returns", """
                        {"orderNumber": "#1001", "type": "RETURN", "reason": "SIZE",
                         "lines": [{"sku": "TS-001-M-NAVY", "quantity": 1}]}""");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String rma = opened.json().get("rma").asString();

        send("refunds/create", "refunds-create-partial");

        ClaimView claim = await().atMost(Duration.ofSeconds(20))
                .until(() -> claims.byRma(rma).orElseThrow(), c -> c.history().size() == 2);
        assertThat(claim.history()).last().satisfies(step -> {
            assertThat(step.note()).isEqualTo("storefront refund ¥1,800 (refund 9310044400001)");
            assertThat(step.actor()).isEqualTo("storefront");
            assertThat(step.to())
                    .as("the operator still decides the refund step")
                    .isEqualTo(step.from());
        });
    }

    @Test
    void shouldKeepShopifysConsentStateAndTimeFromTheCustomerAndFromItsOwnTopic() {
        send("customers/create", "customers-create");
        CustomerId customer =
                customers.findByEmail(EmailAddress.of(email)).orElseThrow().id();
        assertThat(customers.find(customer).orElseThrow().name()).isEqualTo("佐藤 健");
        assertThat(consent.latest(customer))
                .as("recent API versions send no consent here")
                .isEmpty();

        send("customers/update", "customers-update-with-consent");
        assertThat(consent.hasConsented(customer)).isTrue();
        MarketingConsent.Decision granted = consent.latest(customer).orElseThrow();
        assertThat(granted.at())
                .isEqualTo(OffsetDateTime.parse("2026-11-21T08:00:00+09:00").toInstant());
        assertThat(granted.wording()).contains("subscribed").contains("single_opt_in");

        send("customers_email_marketing_consent/update", "customers-email-marketing-consent-update");
        assertThat(consent.hasConsented(customer)).isFalse();
        MarketingConsent.Decision withdrawn = consent.latest(customer).orElseThrow();
        assertThat(withdrawn.granted()).isFalse();
        assertThat(withdrawn.at())
                .isEqualTo(OffsetDateTime.parse("2026-11-22T19:45:00+09:00").toInstant());
    }

    @Test
    void shouldApplyAConsentChangeThatArrivesBeforeItsCustomerWhenTheCustomerArrives() {
        assertThat(send("customers_email_marketing_consent/update", "customers-email-marketing-consent-update")
                        .json()
                        .get("result")
                        .asString())
                .isEqualTo("PENDING_CUSTOMER");

        send("customers/update", "customers-update-with-consent");

        CustomerId customer =
                customers.findByEmail(EmailAddress.of(email)).orElseThrow().id();
        assertThat(consent.hasConsented(customer))
                .as("the later unsubscribe wins")
                .isFalse();
        assertThat(consent.latest(customer).orElseThrow().at())
                .isEqualTo(OffsetDateTime.parse("2026-11-22T19:45:00+09:00").toInstant());
    }

    @Test
    void shouldMapPaymentGatewaysThroughTheStorefrontsOwnMapping() {
        connections.saveGateways(storefront.id(), List.of(new GatewayMapping.Gateway("代金引換", "OTHER")), "admin");

        send("orders/create", "orders-create");

        assertThat(order().paymentMethod()).isEqualTo("OTHER");
    }

    @Test
    void shouldStoreNothingForAForgedOrMissingSignatureOrAnUnknownStorefront() {
        byte[] body = payload("orders-create").getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        ShopifyStore stranger = new ShopifyStore(port, "no-such-" + storefront.code(), SECRET);

        List<Api.Answer> answers = List.of(
                shopify.sendSigned("orders/create", body, id, ShopifyStore.sign("another-secret-0123456789", body)),
                shopify.sendSigned("orders/create", body, id, null),
                shopify.sendSigned("orders/create", body, id, "not base64 at all"),
                stranger.send("orders/create", payload("orders-create")));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.json().get("detail").asString()).contains("X-Shopify-Hmac-Sha256");
        });
        assertThat(orders.find(storefront.id(), NUMBER)).isEmpty();
        assertThat(inboundEvents()).isZero();
    }

    @Test
    void shouldAnswerAReplayAsBeforeAndChangeNothing() {
        String body = payload("orders-create");
        String webhookId = UUID.randomUUID().toString();
        shopify.send("orders/create", body, webhookId);

        Api.Answer replay = shopify.send("orders/create", body, webhookId);
        Api.Answer twin = shopify.send("orders/create", body);

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("duplicate").asBoolean()).isTrue();
        assertThat(twin.json().get("result").asString())
                .as("a second subscription's copy, under its own id")
                .isEqualTo("IGNORED");
        assertThat(order().history()).hasSize(1);
        assertThat(inboundEvents()).isEqualTo(2);
    }

    @Test
    void shouldRefuseMalformedJsonWithAValidSignatureAndStoreNothing() {
        Api.Answer malformed = shopify.send("orders/create", "{\"id\": 5960481357001, \"name\": ");
        Api.Answer noWebhookId = shopify.sendSigned(
                "orders/create",
                payload("orders-create").getBytes(StandardCharsets.UTF_8),
                "",
                ShopifyStore.sign(SECRET, payload("orders-create").getBytes(StandardCharsets.UTF_8)));
        Api.Answer badPrice =
                shopify.send("orders/create", payload("orders-create").replace("\"1800\"", "\"¥1,800\""));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(malformed.json().get("errors").get(0).get("field").asString())
                .isEqualTo("body");
        assertThat(noWebhookId.status()).isEqualTo(400);
        assertThat(noWebhookId.json().get("errors").get(0).get("field").asString())
                .isEqualTo("X-Shopify-Webhook-Id");
        assertThat(badPrice.status()).isEqualTo(400);
        assertThat(badPrice.json().get("errors").get(0).get("field").asString()).isEqualTo("line_items[0].price");
        assertThat(orders.find(storefront.id(), NUMBER)).isEmpty();
        assertThat(inboundEvents()).isZero();
    }

    @Test
    void shouldRefuseABodyOverTheLimitWith413() {
        String padding = "x".repeat(1024 * 1024);
        Api.Answer answer = shopify.send("orders/create", "{\"note\": \"" + padding + "\"}");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.isProblem()).isTrue();
        assertThat(inboundEvents()).isZero();
    }

    @Test
    void shouldAcknowledgeAndIgnoreATopicAftercareDoesNotUse() {
        Api.Answer answer = shopify.send("products/update", "{\"id\": 788032119674292922, \"title\": \"マグカップ\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("result").asString()).isEqualTo("IGNORED");
        assertThat(inboundEvents()).isZero();
    }

    @Test
    void shouldChangeNothingForAFulfilmentThatHasNotShipped() {
        send("orders/create", "orders-create");

        Api.Answer pending = shopify.send(
                "fulfillments/create",
                payload("fulfillments-create-partial").replace("\"status\": \"success\"", "\"status\": \"pending\""));

        assertThat(pending.json().get("result").asString()).isEqualTo("IGNORED");
        assertThat(order().status()).isEqualTo(OrderStatus.PLACED);
    }

    private long inboundEvents() {
        return jdbc.sql("select count(*) from inbound_event where storefront_id = :s")
                .param("s", storefront.id().value())
                .query(Long.class)
                .single();
    }
}
