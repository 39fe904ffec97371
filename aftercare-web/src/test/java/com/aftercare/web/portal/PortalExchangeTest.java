package com.aftercare.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.order.PortalOrderLinks;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.Claims;
import com.aftercare.returns.Settlement;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ClaimScene;
import com.aftercare.web.support.ClaimScenes;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.FakeStockCallback;
import com.aftercare.web.support.PortalLinks;
import com.aftercare.web.support.TestClock;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exchange form on the portal over a real port, with the storefront's stock callback faked
 * in-process: the product's variants offered with their stock, a pick that is no variant of the
 * bought product, tampered or out of stock answered at its field with 400 and nothing written, and
 * a refund or store credit taken instead, recorded as a return in that settlement.
 */
@AftercareIntegrationTest
@Import({TestClock.Configuration.class, ClaimScenes.class})
class PortalExchangeTest {

    @LocalServerPort
    int port;

    @Autowired
    ClaimScenes scenes;

    @Autowired
    Claims claims;

    @Autowired
    PortalOrderLinks links;

    @Autowired
    JdbcClient jdbc;

    ClaimScene scene;
    FakeStockCallback stock;
    ConsoleClient customer;

    @BeforeEach
    void setUp() {
        scene = scenes.today(port);
        stock = scenes.stockCallbackOf(scene);
        customer = new ConsoleClient(port);
    }

    @AfterEach
    void tearDown() {
        stock.close();
    }

    String form(String token) {
        return "/portal/claims/new?token=" + token + "&type=EXCHANGE";
    }

    HttpResponse<String> submit(String token, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("reason", "SIZE", "quantity[1]", "1"));
        all.putAll(fields);
        return customer.postForm(form(token), "/portal/claims?token=" + token + "&type=EXCHANGE", all);
    }

    long claimsOf(String number) {
        return jdbc.sql(
                        "select count(*) from claim where order_id in (select id from customer_order where order_number = :n)")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    ClaimView openedBy(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        String rma = location.replaceAll(".*/portal/claims/(RMA-[0-9-]+)\\?.*", "$1");
        return claims.byRma(rma).orElseThrow();
    }

    @Test
    void shouldOfferTheBoughtProductsVariantsWithTheirStockAndOpenTheExchangeChosen() {
        TestOrder order = scene.orderOfMediumShirt(jdbc);
        stock.stock(scene.shirt("L"), true, scene.shirt("S"), false);
        String token = PortalLinks.token(jdbc, links, order.number());

        String page = customer.get(form(token)).body();

        assertThat(page)
                .contains("ご希望の商品をお選びください")
                .contains("同じ商品の新品（サイズ: M / カラー: ネイビー）")
                .contains("サイズ: L / カラー: ネイビー")
                .contains("在庫あり")
                .contains("在庫切れ")
                .contains("在庫確認中")
                .contains("ショップが在庫を確認してから")
                .contains("ご希望の商品が在庫切れの場合")
                .doesNotContain("type=\"text\" maxlength=\"100\" id=\"variant-1\"");
        assertThat(page).containsPattern("value=\"" + scene.shirt("S") + "\"[^>]*disabled");
        assertThat(customer.get(form(token) + "&lang=en").body())
                .contains("Choose what you want instead")
                .contains("Out of stock")
                .contains("Stock to be confirmed");
        assertThat(stock.asked()).isEqualTo(2);

        ClaimView claim = openedBy(submit(token, Map.of("variant[1]", scene.shirt("L"))));

        assertThat(claim.type()).isEqualTo(RequestType.EXCHANGE);
        assertThat(claim.lines())
                .singleElement()
                .satisfies(l -> assertThat(l.exchangeSku()).isEqualTo(scene.shirt("L")));
    }

    @Test
    void shouldAnswerAPickThatIsMissingForeignTamperedOrOutOfStockAtItsFieldWith400AndWriteNothing() {
        TestOrder order = scene.orderOfMediumShirt(jdbc);
        stock.stock(scene.shirt("L"), true, scene.shirt("S"), false);
        String token = PortalLinks.token(jdbc, links, order.number());
        String mug = Events.unique("MUG");
        scene.place(Events.unique("R"), mug, "-", Events.unique("b") + "@example.jp");
        jdbc.sql("update catalogue_variant set product_code = 'another-product' where sku = :sku")
                .param("sku", mug)
                .update();
        Map<String, String> refusals = Map.of(
                "",
                "ご希望の商品をお選びください。",
                "NO-SUCH-SKU",
                "お買い上げの商品のサイズ・色ではありません。",
                mug,
                "お買い上げの商品のサイズ・色ではありません。",
                scene.shirt("S"),
                "この商品は在庫切れです。");

        refusals.forEach((picked, message) -> {
            HttpResponse<String> answer = submit(token, Map.of("variant[1]", picked));
            assertThat(answer.statusCode()).as(picked).isEqualTo(400);
            assertThat(answer.body()).as(picked).contains(message).contains("id=\"variant-1-error\"");
        });
        assertThat(customer.postWithoutToken(
                                "/portal/claims?token=" + token + "&type=EXCHANGE",
                                Map.of("reason", "SIZE", "quantity[1]", "1", "variant[1]", scene.shirt("L")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(claimsOf(order.number())).isZero();
    }

    @Test
    void shouldRecordStoreCreditTakenInsteadWhenEveryVariantIsOutOfStock() {
        TestOrder order = scene.orderOfMediumShirt(jdbc);
        stock.stock(scene.shirt("S"), false, scene.shirt("M"), false, scene.shirt("L"), false);
        String token = PortalLinks.token(jdbc, links, order.number());

        ClaimView claim = openedBy(submit(token, Map.of("instead", "STORE_CREDIT")));

        assertThat(claim.type()).isEqualTo(RequestType.RETURN);
        assertThat(claim.settlement()).isEqualTo(Settlement.STORE_CREDIT);
        assertThat(claim.customerNote()).startsWith("【交換の代わり】");
        assertThat(claim.lines())
                .singleElement()
                .satisfies(l -> assertThat(l.exchangeSku()).isNull());
    }

    @Test
    void shouldKeepTheFreeTextWishWhereTheStorefrontNamedNoProduct() {
        TestOrder order = ClaimFixtures.delivered(scene.api(), "CARD", false, ClaimScene.DELIVERED);
        ClaimFixtures.policy(jdbc, order.shirt(), "exchange_allowed", "true");
        String token = PortalLinks.token(jdbc, links, order.number());

        String page = customer.get(form(token)).body();

        assertThat(page).contains("id=\"variant-1\"").doesNotContain("ご希望の商品をお選びください");
        assertThat(stock.asked()).isZero();
        ClaimView claim = openedBy(submit(token, Map.of("variant[1]", "Lサイズ")));
        assertThat(claim.lines())
                .singleElement()
                .satisfies(l -> assertThat(l.exchangeSku()).isEqualTo("Lサイズ"));
    }
}
