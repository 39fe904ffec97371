package com.aftercare.web.console.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.coupon.CouponPurpose;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.coupon.Discount;
import com.aftercare.domain.coupon.IssuedCoupon;
import com.aftercare.domain.coupon.NewCampaign;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.shop.ReportingPeriod;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.stepmail.scenario.StepMailScheduler;
import com.aftercare.web.console.figures.BusinessFigures.Side;
import com.aftercare.web.console.figures.BusinessFigures.Touch;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.DueMail;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures page's touch comparison and return tables from touches made the way the shop makes
 * them, on this test's own storefront: a step mail the scheduler and dispatcher send, a coupon
 * issued and then redeemed by the storefront's event, a return asked for through the API. The
 * clock stands at 2026-12-01 12:00 JST, so every January customer's 180 days are over; the dates
 * are in the past, since the dispatcher sends what is due by the database's clock.
 *
 * <pre>
 * S  01-05 ¥1,000  shipped 01-06: the shipping notice is sent   02-01 ¥2,000 (day 27)
 * K  01-10 ¥3,000  coupon issued 01-12                          03-01 ¥4,000 (day 50), using the coupon
 * X  01-15 ¥5,000  2 shirts at ¥1,500 and a mug at ¥2,000, delivered 01-18; one shirt back for SIZE, 01-20
 * N  01-20 ¥2,000  coupon issued 02-01                          08-01 ¥2,000 (day 193: after 180 days), using it:
 *                   no coupon touch, the use came after the 180 days
 * </pre>
 *
 * Revenue in the first 180 days: S 3,000, K 7,000, X 5,000, N 2,000 (17,000); bought again within
 * 180 days: S and K.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class BusinessTouchesTest {

    static final ReportingPeriod JANUARY =
            new ReportingPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"));

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Coupons coupons;

    @Autowired
    StepMailScheduler scheduler;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    BusinessFigures figures;

    @Autowired
    FiguresRefresh refresh;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    Api api;
    String item;
    ClaimFixtures.TestOrder returned;

    @BeforeEach
    void touches() {
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        String prefix = Events.unique("T");
        item = prefix + "-ITEM";
        String s = customer("s");
        String k = customer("k");
        String x = customer("x");
        String n = customer("n");

        clock.setJst("2026-01-05T10:00");
        String first = place(s, "2026-01-05T10:00", item, 1, 1000);
        progress("order.shipped", first, "2026-01-06T15:00");
        CustomerId stepMailed = customerOf(first);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from step_mail_view where customer_id = :c")
                                .param("c", stepMailed.value())
                                .query(Long.class)
                                .single()
                        > 0);
        clock.setJst("2026-01-06T15:00");
        DueMail.send(scheduler, dispatcher);
        assertThat(jdbc.sql("""
                        select count(*) from step_mail_view s join mail_delivery_view d on d.id = s.outbound_mail_id
                         where s.customer_id = :c and d.status = 'SENT'
                        """)
                        .param("c", stepMailed.value())
                        .query(Long.class)
                        .single())
                .as("the shipping notice went out")
                .isPositive();

        String kFirst = place(k, "2026-01-10T10:00", item, 1, 3000);
        clock.setJst("2026-01-12T10:00");
        CampaignId campaign = coupons.createCampaign(new NewCampaign(
                "リピート特典 " + prefix,
                CouponPurpose.PROMOTION,
                Discount.yen(500),
                0,
                Instant.parse("2026-12-31T15:00:00Z"),
                null,
                true,
                storefront.id()));
        IssuedCoupon coupon = coupons.issue(campaign, customerOf(kFirst), "test:" + prefix);

        returned = new ClaimFixtures.TestOrder(Events.unique("X"), x, prefix + "-SHIRT", prefix + "-MUG", "");
        placeTwoLines(returned, "2026-01-15T10:00");
        progress("order.shipped", returned.number(), "2026-01-16T10:00");
        progress("order.delivered", returned.number(), "2026-01-18T10:00");
        clock.setJst("2026-01-20T09:00");
        Api.Answer claim = ClaimFixtures.openReturn(api, returned, returned.shirt(), 1);
        assertThat(claim.status()).as(claim.body()).isEqualTo(201);

        String nFirst = place(n, "2026-01-20T10:00", item, 1, 2000);
        clock.setJst("2026-02-01T09:00");
        IssuedCoupon late = coupons.issue(campaign, customerOf(nFirst), "test:" + prefix + ":n");
        place(s, "2026-02-01T10:00", item, 1, 2000);
        String kSecond = place(k, "2026-03-01T10:00", item, 1, 4000);
        Api.Answer redeemed = api.postEvent(
                """
                {"id": "%s", "type": "coupon.redeemed", "occurredAt": "2026-03-01T10:05:00+09:00",
                 "order": {"number": "%s"}, "coupon": {"code": "%s", "discount": 500, "orderTotal": 4000}}
                """.formatted(Events.unique("evt"), kSecond, coupon.code().value()));
        assertThat(redeemed.status()).as(redeemed.body()).isBetween(200, 202);
        String nSecond = place(n, "2026-08-01T10:00", item, 1, 2000);
        Api.Answer usedLate = api.postEvent(
                """
                {"id": "%s", "type": "coupon.redeemed", "occurredAt": "2026-08-01T10:05:00+09:00",
                 "order": {"number": "%s"}, "coupon": {"code": "%s", "discount": 500, "orderTotal": 2000}}
                """.formatted(Events.unique("evt"), nSecond, late.code().value()));
        assertThat(usedLate.status()).as(usedLate.body()).isBetween(200, 202);

        clock.setJst("2026-12-01T12:00");
        refresh.refresh();
    }

    @Test
    void shouldCompareCustomersWithAndWithoutEachTouchFromKnownData() {
        Map<Touch, BusinessFigures.TouchComparison> touches = figures.of(JANUARY, storefront.id()).touches().stream()
                .collect(Collectors.toMap(BusinessFigures.TouchComparison::touch, Function.identity()));

        assertThat(touches.get(Touch.STEP_MAIL).with()).as("S").isEqualTo(new Side(1, 1, 1, 3000));
        assertThat(touches.get(Touch.STEP_MAIL).without()).as("K X N").isEqualTo(new Side(3, 3, 1, 14000));
        assertThat(touches.get(Touch.COUPON).with()).as("K").isEqualTo(new Side(1, 1, 1, 7000));
        assertThat(touches.get(Touch.COUPON).without())
                .as("S X N: N's coupon, issued in time, was used after the 180 days")
                .isEqualTo(new Side(3, 3, 1, 10000));
        assertThat(touches.get(Touch.CLAIM).with()).as("X").isEqualTo(new Side(1, 1, 0, 5000));
        assertThat(touches.get(Touch.CLAIM).without()).as("S K N").isEqualTo(new Side(3, 3, 2, 12000));
        assertThat(touches.get(Touch.INQUIRY).with()).isEqualTo(new Side(0, 0, 0, 0));
        assertThat(touches.get(Touch.INQUIRY).without()).isEqualTo(new Side(4, 4, 2, 17000));
        assertThat(touches.get(Touch.CLAIM).without().averageRevenue()).isEqualTo(4000L);
        assertThat(touches.get(Touch.CLAIM).without().repeatPercent()).isEqualByComparingTo("66.7");
    }

    @Test
    void shouldShowTheTouchesReturnTablesAndHowEachFigureIsComputedOnThePage() {
        ConsoleClient console = ConsoleClient.loggedInAsAdmin(port);
        String query =
                "?from=2026-01-01&to=2026-01-31&storefront=" + storefront.id().value();

        String page = console.get("/console/figures" + query).body();

        assertThat(row(page, "id=\"touch-STEP_MAIL-with\""))
                .contains(">1<", "100.0 %", "¥3,000")
                .doesNotContain("—");
        assertThat(row(page, "id=\"touch-COUPON-with\"")).contains("100.0 %", "¥7,000");
        assertThat(row(page, "id=\"touch-CLAIM-with\"")).contains("0.0 %", "¥5,000");
        assertThat(row(page, "id=\"touch-CLAIM-without\"")).contains(">3<", "66.7 %", "¥4,000");
        assertThat(row(page, "id=\"touch-INQUIRY-with\"")).contains(">0<", "—");

        // rate = units asked back ÷ units sold in January's orders, highest first, then by SKU
        String products = table(page, "returns-by-product");
        assertThat(products.split("<tr"))
                .as("header, shirt 1 of 2 back, then the item and the mug at 0.0 %")
                .hasSize(5);
        assertThat(products.split("<tr")[2]).contains(returned.shirt(), "オーガニックコットンTシャツ", ">2<", ">1<", "50.0 %");
        assertThat(products.split("<tr")[3]).contains(item, ">3<", ">0<", "0.0 %");
        assertThat(products.split("<tr")[4]).contains(returned.mug(), ">1<", ">0<", "0.0 %");
        assertThat(table(page, "returns-by-reason")).contains("サイズが合わない").containsPattern(">1<.*>1<");

        assertThat(page)
                .contains("初回購入から n 日（n×24時間）たったお客様のうち")
                .contains("初回と2回目の注文の間（24時間を1日として数えます）")
                .contains("1人あたりの累計購入額（キャンセルを除く注文の合計、送料込み）")
                .contains("初回購入から180日以内に、ステップメールが届いた（送信済み）")
                .contains("期間内の注文で売れた数量に対する、返品・交換などの申請の数量（却下を除く）")
                .contains("受付から初回応答までの実時間で分けた平均満足度");
        assertThat(page.split("class=\"hint how\"", -1))
                .as("six figures, six hints")
                .hasSize(7);
        String english = console.get("/console/figures" + query + "&lang=en").body();
        assertThat(english.split("class=\"hint how\"", -1)).hasSize(7);
        assertThat(english).contains("Return rate by product and reason").doesNotContain("初回購入から180日以内に");
    }

    private String customer(String name) {
        return Events.unique("touch-" + name) + "@example.jp";
    }

    private CustomerId customerOf(String orderNumber) {
        return new CustomerId(
                jdbc.sql("select customer_id from order_view where order_number = :n and storefront_id = :s")
                        .param("n", orderNumber)
                        .param("s", storefront.id().value())
                        .query(Long.class)
                        .single());
    }

    /** An order of {@code quantity} of one item at that JST time, for exactly {@code yen} in all; its number. */
    private String place(String email, String jst, String sku, int quantity, long yen) {
        String number = Events.unique("B");
        post("""
                {"id": "%s", "type": "order.placed", "occurredAt": "%s:00+09:00",
                 "order": {"number": "%s", "currency": "JPY",
                   "customer": {"email": "%s", "name": "山田 花子"},
                   "lines": [{"sku": "%s", "name": "テスト商品", "quantity": %d, "unitPrice": %d}]}}
                """.formatted(Events.unique("evt"), jst, number, email, sku, quantity, yen / quantity));
        return number;
    }

    /** X's order: 2 shirts at ¥1,500 and a mug at ¥2,000, ¥5,000 in all. */
    private void placeTwoLines(ClaimFixtures.TestOrder order, String jst) {
        post("""
                {"id": "%s", "type": "order.placed", "occurredAt": "%s:00+09:00",
                 "order": {"number": "%s", "currency": "JPY",
                   "customer": {"email": "%s", "name": "山田 花子"},
                   "lines": [
                     {"sku": "%s", "name": "オーガニックコットンTシャツ", "quantity": 2, "unitPrice": 1500},
                     {"sku": "%s", "name": "有田焼マグカップ", "quantity": 1, "unitPrice": 2000}],
                   "shipping": {"postalCode": "150-0001", "prefecture": "東京都", "address": "渋谷区神宮前1-2-3"}}}
                """.formatted(Events.unique("evt"), jst, order.number(), order.email(), order.shirt(), order.mug()));
    }

    private void progress(String type, String number, String jst) {
        post(Events.progressed(Events.unique("evt"), type, number, jst + ":00+09:00"));
    }

    private void post(String event) {
        Api.Answer answer = api.postEvent(event);
        assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
    }

    private static String row(String page, String id) {
        int start = page.indexOf(id);
        assertThat(start).as(id).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static String table(String page, String id) {
        int start = page.indexOf("<table id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return page.substring(start, page.indexOf("</table>", start));
    }
}
