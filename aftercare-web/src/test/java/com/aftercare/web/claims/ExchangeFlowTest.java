package com.aftercare.web.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.domain.webhook.StockChecks;
import com.aftercare.domain.webhook.StockChecks.Stock;
import com.aftercare.domain.webhook.WebhookAllowedHosts;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.returns.Claims;
import com.aftercare.returns.exchange.ExchangeApproval;
import com.aftercare.returns.exchange.ExchangeStockRefused;
import com.aftercare.returns.exchange.ReplacementOrders;
import com.aftercare.returns.rules.ClaimRules;
import com.aftercare.returns.rules.RuleDrafts;
import com.aftercare.returns.variants.ExchangeChoice;
import com.aftercare.returns.variants.ExchangeVariants;
import com.aftercare.returns.variants.StockVerdict;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimScene;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.FakeStockCallback;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exchanges a shop can fulfil, on the real database and over real HTTP: the variants learned from
 * the storefront's order events, the exchange wish checked against them, the storefront's stock
 * callback (in stock, out of stock, failing, silent, garbled), approval asking for the
 * replacement, and the replacement order's {@code order.shipped} shipping the exchange. Also the
 * other claim paths no other test walks: a paid repair accepted and repaired, a recycling pick-up
 * received and closed.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ExchangeFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    ClaimRequests requests;

    @Autowired
    ClaimWorkflow workflow;

    @Autowired
    Claims claims;

    @Autowired
    ExchangeVariants variants;

    @Autowired
    ExchangeApproval approval;

    @Autowired
    ReplacementOrders replacements;

    @Autowired
    StockChecks stockChecks;

    @Autowired
    ClaimRules rules;

    @Autowired
    WebhookAllowedHosts allowedHosts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    ClaimScene scene;
    TestStorefront storefront;
    Api api;
    String operator;
    FakeStockCallback stock;

    @BeforeEach
    void setUp() {
        scene = ClaimScene.today(port, clock, storefronts, operators, requests);
        storefront = scene.storefront();
        api = scene.api();
        operator = scene.operator();
        stock = FakeStockCallback.forStorefront(stockChecks, allowedHosts, storefront.id());
    }

    @AfterEach
    void tearDown() {
        stock.close();
    }

    String sku(String size) {
        return scene.shirt(size);
    }

    /** An order of the M shirt, delivered; the storefront's catalogue knows S, M and L of it. */
    String orderOfMediumShirt() {
        return scene.orderOfMediumShirt(jdbc).number();
    }

    /** One more delivered order of the M shirt, after {@link #orderOfMediumShirt} set its policy. */
    String anotherDeliveredMediumShirt() {
        String number = Events.unique("R");
        String email = Events.unique("claim") + "@example.jp";
        scene.placeShirt(number, "M", email);
        ClaimFixtures.TestOrder order = new ClaimFixtures.TestOrder(number, email, sku("M"), null, null);
        ClaimFixtures.progress(api, order, "order.shipped", "2025-11-19T15:00:00+09:00");
        ClaimFixtures.progress(api, order, "order.delivered", ClaimScene.DELIVERED);
        return number;
    }

    String openExchange(String number, String wanted) {
        return scene.open(number, RequestType.EXCHANGE, ReturnReason.SIZE, sku("M"), wanted);
    }

    long claimsOf(String number) {
        return jdbc.sql(
                        "select count(*) from claim where order_id in (select id from customer_order where order_number = :n)")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    @Test
    void shouldOfferTheProductsOtherVariantsLearnedFromOrdersWithTheStorefrontsStock() {
        orderOfMediumShirt();
        stock.stock(sku("L"), true, sku("S"), false);

        List<ExchangeChoice> choices = variants.choicesFor(storefront.id(), sku("M"));

        assertThat(choices).extracting(ExchangeChoice::sku).containsExactly(sku("L"), sku("S"));
        assertThat(choices.get(0).variant().attributes())
                .containsExactly(Map.entry("サイズ", "L"), Map.entry("カラー", "ネイビー"));
        assertThat(choices).extracting(ExchangeChoice::stock).containsExactly(Stock.IN_STOCK, Stock.OUT_OF_STOCK);
        assertThat(choices).extracting(ExchangeChoice::available).containsExactly(true, false);
    }

    @Test
    void shouldRefuseAWishThatIsNoVariantOfTheSameProductAtThisStorefrontWithNothingWritten() {
        String number = orderOfMediumShirt();
        TestStorefront other = TestStorefronts.create(storefronts);
        Api otherApi = new Api(port, other.key());
        String othersSku = Events.unique("OTHER");
        assertThat(otherApi.postEvent(
                                """
                {"id": "%s", "type": "order.placed", "occurredAt": "2025-11-18T10:15:30+09:00",
                 "order": {"number": "%s", "customer": {"email": "x@example.jp", "name": "他店 太郎"},
                   "lines": [{"sku": "%s", "name": "Tシャツ", "quantity": 1, "unitPrice": 1800, "product": "%s"}]}}
                """.formatted(Events.unique("evt"), Events.unique("R"), othersSku, scene.product()))
                        .status())
                .isBetween(200, 299);
        String mug = Events.unique("MUG");
        scene.place(Events.unique("R"), mug, "-", Events.unique("b") + "@example.jp");
        jdbc.sql("update catalogue_variant set product_code = 'another-product' where sku = :sku")
                .param("sku", mug)
                .update();

        for (String wanted : List.of("NO-SUCH-SKU", othersSku, mug)) {
            assertThatThrownBy(() -> openExchange(number, wanted))
                    .as(wanted)
                    .isInstanceOf(InvalidValue.class)
                    .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("lines[0].exchangeSku"));
        }
        assertThat(claimsOf(number)).isZero();
    }

    @Test
    void shouldCountAFailingSilentOrGarbledStockCallbackAsUnknownAndNeedTheOperatorsWord() {
        String number = orderOfMediumShirt();
        String rma = openExchange(number, sku("L"));

        stock.answer(500, "{\"stock\": {\"%s\": true}}".formatted(sku("L")));
        assertThat(variants.stockOf(storefront.id(), List.of(sku("L")))).containsEntry(sku("L"), Stock.UNKNOWN);
        stock.answer("<html>not json</html>");
        assertThat(variants.stockOf(storefront.id(), List.of(sku("L")))).containsEntry(sku("L"), Stock.UNKNOWN);
        stock.answer("{\"stock\": {\"%s\": \"yes\"}}".formatted(sku("L")));
        assertThat(variants.stockOf(storefront.id(), List.of(sku("L")))).containsEntry(sku("L"), Stock.UNKNOWN);
        stock.silent();
        assertThat(variants.stockOf(storefront.id(), List.of(sku("L")))).containsEntry(sku("L"), Stock.UNKNOWN);

        assertThatThrownBy(() -> approval.approve(rma, operator, null, false))
                .isInstanceOf(ExchangeStockRefused.class)
                .satisfies(e -> assertThat(((ExchangeStockRefused) e).verdict().kind())
                        .isEqualTo(StockVerdict.Kind.NEEDS_CONFIRMATION));
        assertThat(claims.byRma(rma).orElseThrow().status()).isEqualTo(ClaimStatus.REQUESTED);

        approval.approve(rma, operator, null, true);
        assertThat(claims.byRma(rma).orElseThrow().status()).isEqualTo(ClaimStatus.APPROVED);
    }

    @Test
    void shouldLetAnApprovingRuleApproveAnExchangeOnlyWithTheReplacementInStockByTheStorefrontsWord() {
        rules.add(storefront.id(), RuleDrafts.approveExchanges(), operator);
        stock.stock(sku("L"), true, sku("S"), false);
        String inStock = openExchange(orderOfMediumShirt(), sku("L"));
        String outOfStock = openExchange(anotherDeliveredMediumShirt(), sku("S"));
        stock.silent();
        String nobodyKnows = openExchange(anotherDeliveredMediumShirt(), sku("L"));

        assertThat(Stream.of(inStock, outOfStock, nobodyKnows)
                        .map(rma -> claims.byRma(rma).orElseThrow().status()))
                .containsExactly(ClaimStatus.APPROVED, ClaimStatus.REQUESTED, ClaimStatus.REQUESTED);
        assertThat(Stream.of(inStock, outOfStock, nobodyKnows)
                        .map(rma -> jdbc.sql(
                                        "select d.action from claim_rule_decision d join claim c on c.id = d.claim_id where c.rma = :r")
                                .param("r", rma)
                                .query(String.class)
                                .single()))
                .as("the rule's decision as carried out")
                .containsExactly("APPROVE", "HOLD", "HOLD");
    }

    @Test
    void shouldRefuseToApproveAnExchangeWhoseVariantIsOutOfStock() {
        String number = orderOfMediumShirt();
        String rma = openExchange(number, sku("S"));
        stock.stock(sku("S"), false);

        assertThatThrownBy(() -> approval.approve(rma, operator, null, true))
                .isInstanceOf(ExchangeStockRefused.class)
                .satisfies(e -> assertThat(((ExchangeStockRefused) e).verdict())
                        .isEqualTo(new StockVerdict(StockVerdict.Kind.OUT_OF_STOCK, sku("S"))));
        assertThat(claims.byRma(rma).orElseThrow().status()).isEqualTo(ClaimStatus.REQUESTED);
    }

    @Test
    void shouldShipTheExchangeWhenTheStorefrontShipsTheLinkedReplacementOrder() {
        String number = orderOfMediumShirt();
        String rma = openExchange(number, sku("L"));
        stock.stock(sku("L"), true);
        approval.approve(rma, operator, null, false);

        String replacement = Events.unique("R");
        Api.Answer ownOrder =
                api.putJson("/api/v1/returns/" + rma + "/replacement-order", "{\"orderNumber\": \"" + number + "\"}");
        assertThat(ownOrder.status()).isEqualTo(400);
        assertThat(ownOrder.isProblem()).isTrue();
        assertThat(ownOrder.body()).contains("orderNumber");
        TestStorefront other = TestStorefronts.create(storefronts);
        assertThat(new Api(port, other.key())
                        .putJson("/api/v1/returns/" + rma + "/replacement-order", "{\"orderNumber\": \"X-1\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.putJson(
                                "/api/v1/returns/" + rma + "/replacement-order",
                                "{\"orderNumber\": \"" + replacement + "\"}")
                        .status())
                .isEqualTo(204);
        scene.placeShirt(replacement, "L", Events.unique("claim") + "@example.jp");
        assertThat(api.postEvent(Events.shipped(
                                Events.unique("evt"), replacement, "2025-11-26T09:00:00+09:00", "4455-6677-8899"))
                        .status())
                .isBetween(200, 299);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> claims.byRma(rma).orElseThrow().status() == ClaimStatus.EXCHANGE_SHIPPED);
        ClaimView shipped = claims.byRma(rma).orElseThrow();
        assertThat(shipped.exchangeTracking()).isEqualTo("4455-6677-8899");
        assertThat(shipped.history())
                .last()
                .satisfies(step -> assertThat(step.actor()).isEqualTo("storefront"));
        assertThat(replacements.of(shipped)).contains(replacement);
        workflow.close(rma, operator);
        assertThat(claims.byRma(rma).orElseThrow().status()).isEqualTo(ClaimStatus.CLOSED);
    }

    @Test
    void shouldCarryAPaidRepairThroughAnAcceptedQuoteToRepaired() {
        String number = orderOfMediumShirt();
        String rma = scene.open(number, RequestType.WARRANTY_REPAIR, ReturnReason.DEFECTIVE, sku("M"), null);

        workflow.quote(rma, operator, 3300);
        workflow.acceptQuote(rma);
        workflow.awaitItem(rma, operator);
        workflow.receive(rma, operator);
        workflow.inspect(rma, operator, "ボタン交換", false);
        workflow.markRepaired(rma, operator);
        workflow.close(rma, operator);

        ClaimView claim = claims.byRma(rma).orElseThrow();
        assertThat(claim.quoteYen()).isEqualTo(3300);
        assertThat(claim.history())
                .extracting(h -> h.to() + " " + h.actor())
                .containsExactly(
                        "REQUESTED customer",
                        "QUOTED " + operator,
                        "APPROVED customer",
                        "AWAITING_ITEM " + operator,
                        "RECEIVED " + operator,
                        "INSPECTED " + operator,
                        "REPAIRED " + operator,
                        "CLOSED " + operator);
    }

    @Test
    void shouldCloseARecyclingPickUpOnceTheOldApplianceIsReceived() {
        String number = orderOfMediumShirt();
        jdbc.sql("update product_policy set recycling_fee_yen = 1100 where sku = :sku")
                .param("sku", sku("M"))
                .update();
        String rma = scene.open(number, RequestType.RECYCLE_PICKUP, ReturnReason.OTHER, sku("M"), null);

        workflow.approve(rma, operator, null);
        workflow.awaitItem(rma, operator);
        workflow.receive(rma, operator);
        assertThat(claims.byRma(rma).orElseThrow().actions())
                .extracting(Enum::name)
                .contains("CLOSE");
        workflow.close(rma, operator);

        ClaimView claim = claims.byRma(rma).orElseThrow();
        assertThat(claim.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(claim.eligibility().feeYen()).isEqualTo(1100);
        assertThat(claim.resolvedAt()).isNotNull();
    }
}
