package com.aftercare.web.console.figures;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shop.ReportingPeriod;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.Priority;
import com.aftercare.inquiry.SatisfactionByResponseTime;
import com.aftercare.web.console.figures.BusinessFigures.Side;
import com.aftercare.web.console.figures.BusinessFigures.Touch;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestInquiries;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The business view from known orders of this test's own storefront, counted by hand; the clock
 * stands at 2031-12-01 12:00 JST, so every 30/90/180-day window of January's customers is over.
 *
 * <pre>
 * A  01-05 10:00 ¥1,000   01-20 ¥2,000 (day 15)   04-10 ¥3,000 (day 95)   inquiry 09-01 (day 239: too late)
 * B  01-10 10:00 ¥5,000   03-01 ¥1,000 (day 50)
 * C  01-15 10:00 ¥2,000                                                 inquiry 02-01, answered after 2 h, CSAT 2
 * D  01-31 23:30 ¥1,000   08-20 ¥1,000 (day 201)                        (still January in Tokyo, not in UTC)
 * E  (12-20 cancelled)    01-25 10:00 ¥3,000                            the cancelled order is no purchase
 * F  2030-12-15 ¥4,000    01-10 ¥1,000 (day 26)                         December's customer, not January's
 * G  02-01 00:30 ¥9,000                                                 February in Tokyo (January in UTC)
 * </pre>
 *
 * January's first-time customers: A B C D E. Repeat within 30 days: A (1 of 5, 20.0 %); within 90
 * and 180: A B (40.0 %). Second purchase after 15, 50 and 201 days (median 50.0), none for C and E.
 * Cumulative yen per 30-day month: A 3,000 3,000 3,000 6,000…; B 5,000 6,000…; C 2,000; D 1,000 …
 * 2,000 from the 7th; E 3,000: January's LTV 2,800 3,000 3,000 3,600 3,600 3,600 3,800… until
 * the 10th month, when D's 300 days are over (11 and 12 are not by 12-01).
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class BusinessFiguresTest {

    static final ReportingPeriod JANUARY =
            new ReportingPeriod(LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-31"));

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Inquiries inquiries;

    @Autowired
    BusinessFigures figures;

    @Autowired
    SatisfactionByResponseTime satisfaction;

    @Autowired
    FiguresRefresh refresh;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    Api api;

    @BeforeEach
    void knownOrders() {
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        String a = customer("a");
        String b = customer("b");
        String c = customer("c");
        String d = customer("d");
        String e = customer("e");
        String f = customer("f");
        String g = customer("g");
        place(a, "2031-01-05T10:00", 1000);
        place(a, "2031-01-20T10:00", 2000);
        place(a, "2031-04-10T10:00", 3000);
        place(b, "2031-01-10T10:00", 5000);
        place(b, "2031-03-01T10:00", 1000);
        place(c, "2031-01-15T10:00", 2000);
        place(d, "2031-01-31T23:30", 1000);
        place(d, "2031-08-20T23:30", 1000);
        cancel(place(e, "2030-12-20T10:00", 7000));
        place(e, "2031-01-25T10:00", 3000);
        place(f, "2030-12-15T10:00", 4000);
        place(f, "2031-01-10T10:00", 1000);
        place(g, "2031-02-01T00:30", 9000);

        String asked = inquiry(c, "2031-02-01T10:00");
        String operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        inquiries.take(asked, operator);
        clock.setJst("2031-02-01T12:00");
        inquiries.reply(new Inquiries.Reply(asked, operator, "ご連絡ありがとうございます。"));
        jdbc.sql("insert into inquiry_satisfaction (inquiry_id, score) select id, 2 from inquiry where reference = ?")
                .param(asked)
                .update();
        inquiry(a, "2031-09-01T10:00");

        clock.setJst("2031-12-01T12:00");
        refresh.refresh();
    }

    @AfterEach
    void closeInquiries() {
        TestInquiries.closeAllOf(jdbc, storefront.id());
    }

    @Test
    void shouldCountRepeatRatesTimeToSecondPurchaseAndCohortLtvFromKnownOrders() {
        BusinessFigures.Business january = figures.of(JANUARY, storefront.id());

        assertThat(january.customers()).isEqualTo(5);
        assertThat(january.repeat())
                .containsExactly(
                        new BusinessFigures.RepeatRate(30, 5, 1),
                        new BusinessFigures.RepeatRate(90, 5, 2),
                        new BusinessFigures.RepeatRate(180, 5, 2));
        assertThat(january.repeat())
                .extracting(BusinessFigures.RepeatRate::percent)
                .containsExactly(new BigDecimal("20.0"), new BigDecimal("40.0"), new BigDecimal("40.0"));
        assertThat(january.timeToSecond().bands())
                .extracting(BusinessFigures.SecondPurchaseBand::customers)
                .as("0–7, 7–30, 30–90, 90–180, 180–365, 365+ days")
                .containsExactly(0L, 1L, 1L, 0L, 1L, 0L);
        assertThat(january.timeToSecond().notYet()).isEqualTo(2);
        assertThat(january.timeToSecond().medianDays()).isEqualByComparingTo("50.0");

        assertThat(january.cohorts()).hasSize(12);
        assertThat(january.cohorts().get(11).month()).isEqualTo(YearMonth.parse("2031-01"));
        assertThat(january.cohorts().get(11).customers()).isEqualTo(5);
        assertThat(january.cohorts().get(11).ltv())
                .containsExactly(2800L, 3000L, 3000L, 3600L, 3600L, 3600L, 3800L, 3800L, 3800L, 3800L, null, null);
        assertThat(january.cohorts().get(10).month()).isEqualTo(YearMonth.parse("2030-12"));
        assertThat(january.cohorts().get(10).customers())
                .as("F alone; E's cancelled order is none")
                .isEqualTo(1);
        assertThat(january.cohorts().get(10).ltv().get(0)).isEqualTo(5000L);
        assertThat(january.cohorts().get(0).month()).isEqualTo(YearMonth.parse("2030-02"));
        assertThat(january.cohorts().get(0).customers()).isZero();
        assertThat(january.cohorts().get(0).ltv()).containsOnlyNulls();

        BusinessFigures.Business february = figures.of(
                new ReportingPeriod(LocalDate.parse("2031-02-01"), LocalDate.parse("2031-02-28")), storefront.id());
        assertThat(february.customers())
                .as("G, whose 00:30 JST is still January in UTC")
                .isEqualTo(1);
        assertThat(february.repeat())
                .containsExactly(
                        new BusinessFigures.RepeatRate(30, 1, 0),
                        new BusinessFigures.RepeatRate(90, 1, 0),
                        new BusinessFigures.RepeatRate(180, 1, 0));
    }

    @Test
    void shouldCountOnlyTheCustomersAWindowHasPassedFor() {
        // on 2031-03-01 12:00 the 30-day window is over for A, B, C and E but not for D (03-02 23:30), the 90-day one
        // for nobody
        clock.setJst("2031-03-01T12:00");
        BusinessFigures.Business early = figures.of(JANUARY, storefront.id());

        assertThat(early.repeat())
                .containsExactly(
                        new BusinessFigures.RepeatRate(30, 4, 1),
                        new BusinessFigures.RepeatRate(90, 0, 0),
                        new BusinessFigures.RepeatRate(180, 0, 0));
        assertThat(early.repeat().get(1).percent()).as("no base, no rate").isNull();
        assertThat(early.cohorts().get(11).ltv())
                .as("D's first 30 days end on 03-02")
                .containsOnlyNulls();
    }

    @Test
    void shouldCompareCustomersWithAndWithoutATouchInTheirFirst180Days() {
        List<BusinessFigures.TouchComparison> touches =
                figures.of(JANUARY, storefront.id()).touches();

        BusinessFigures.TouchComparison inquiry = touches.stream()
                .filter(t -> t.touch() == Touch.INQUIRY)
                .findFirst()
                .orElseThrow();
        assertThat(inquiry.with()).as("C, whose inquiry came on day 17").isEqualTo(new Side(1, 1, 0, 2000));
        assertThat(inquiry.without())
                .as("A (asked on day 239: too late), B, D, E; ¥6,000 + ¥6,000 + ¥1,000 + ¥3,000 in 180 days")
                .isEqualTo(new Side(4, 4, 2, 16000));
        assertThat(inquiry.without().repeatPercent()).isEqualByComparingTo("50.0");
        assertThat(inquiry.without().averageRevenue()).isEqualTo(4000L);
        assertThat(touches)
                .filteredOn(t -> t.touch() != Touch.INQUIRY)
                .as("no step mail, coupon or claim here: everyone without, ¥16,000 + C's ¥2,000")
                .allSatisfy(t -> {
                    assertThat(t.with()).isEqualTo(new Side(0, 0, 0, 0));
                    assertThat(t.without()).isEqualTo(new Side(5, 5, 2, 18000));
                });
    }

    @Test
    void shouldGroupSatisfactionByTheWaitForTheFirstResponse() {
        List<SatisfactionByResponseTime.Band> bands = satisfaction.of(
                new ReportingPeriod(LocalDate.parse("2031-02-01"), LocalDate.parse("2031-02-28")), storefront.id());

        assertThat(bands)
                .extracting(SatisfactionByResponseTime.Band::answers)
                .as("<1 h, 1–4 h, 4–24 h, 24–72 h, 72 h+")
                .containsExactly(0L, 1L, 0L, 0L, 0L);
        assertThat(bands.get(1).average()).isEqualByComparingTo("2.00");
        assertThat(bands.get(1).low()).isEqualTo(1);
    }

    @Test
    void shouldShowTheBusinessViewAndDownloadEachTableOverARealPort() {
        ConsoleClient console = ConsoleClient.loggedInAsAdmin(port);
        String query =
                "?from=2031-01-01&to=2031-01-31&storefront=" + storefront.id().value();

        HttpResponse<String> page = console.get("/console/figures" + query);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"business\"", "id=\"as-of\"", "id=\"repeat-30\"", "20.0 %", "id=\"cohort-2031-01\"")
                .contains("¥2,800", "¥3,800", "id=\"touch-INQUIRY-with\"", "id=\"csv-cohorts-utf8\"")
                .contains("<svg");
        String body = page.body();
        int chart = body.indexOf("aria-label=\"初回購入月別の90日後LTV");
        assertThat(chart).as("the cohort chart").isPositive();
        assertThat(body.substring(chart, body.indexOf("</svg>", chart)))
                .as("each month's LTV after 90 days: ¥3,000 for January, F's ¥5,000 for December")
                .contains("<title>2031-01: 3000</title>", "<title>2030-12: 5000</title>", "<title>2030-11: —</title>");
        for (String table : List.of("repeat", "second-purchase", "cohorts", "touches", "csat")) {
            HttpResponse<byte[]> csv = console.download("/console/figures/export" + query + "&table=" + table);
            assertThat(csv.statusCode()).as(table).isEqualTo(200);
            assertThat(Arrays.copyOf(csv.body(), 3))
                    .as(table + " opens in Excel: UTF-8 with a BOM")
                    .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        String cohorts = new String(
                console.download("/console/figures/export" + query + "&table=cohorts")
                        .body(),
                StandardCharsets.UTF_8);
        assertThat(cohorts.lines().filter(l -> l.startsWith("2031-01")).findFirst())
                .hasValue("2031-01,5,2800,3000,3000,3600,3600,3600,3800,3800,3800,3800,,");
        String repeat = new String(
                console.download("/console/figures/export" + query + "&table=repeat")
                        .body(),
                StandardCharsets.UTF_8);
        assertThat(repeat.lines().skip(1)).containsExactly("30,5,1,20.0", "90,5,2,40.0", "180,5,2,40.0");
        assertThat(jdbc.sql(
                                "select count(*) from audit_log where action = 'csv.exported' and target_id = 'figures-cohorts'")
                        .query(Long.class)
                        .single())
                .as("every export audited")
                .isPositive();
    }

    @Test
    void shouldRefuseABadTableDateOrStorefrontWithA400AndKeepOperatorsOut() {
        ConsoleClient console = ConsoleClient.loggedInAsAdmin(port);
        String operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);

        assertThat(console.download("/console/figures/export?table=nope").statusCode())
                .isEqualTo(400);
        assertThat(console.download("/console/figures/export?table=cohorts&from=01/01&to=2031-01-31")
                        .statusCode())
                .isEqualTo(400);
        assertThat(console.download("/console/figures/export?table=cohorts&from=2031-02-01&to=2031-01-01")
                        .statusCode())
                .isEqualTo(400);
        assertThat(console.download("/console/figures/export?table=cohorts&storefront=-1")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> backwards = console.get("/console/figures?from=2031-02-01&to=2031-01-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"to-error\"").doesNotContain("id=\"business\"");
        ConsoleClient plainOperator = ConsoleClient.loggedInAs(port, operator, TestOperators.PASSWORD);
        assertThat(plainOperator.get("/console/figures").statusCode()).isEqualTo(403);
        assertThat(plainOperator
                        .download("/console/figures/export?table=cohorts")
                        .statusCode())
                .isEqualTo(403);
    }

    private String customer(String name) {
        return Events.unique("biz-" + name) + "@example.jp";
    }

    /** An order of one item at that JST time, for exactly that many yen; its number. */
    private String place(String email, String jst, long yen) {
        String number = Events.unique("B");
        Api.Answer answer = api.postEvent("""
                {"id": "%s", "type": "order.placed", "occurredAt": "%s:00+09:00",
                 "order": {"number": "%s", "currency": "JPY",
                   "customer": {"email": "%s", "name": "山田 花子"},
                   "lines": [{"sku": "BIZ-1", "name": "テスト商品", "quantity": 1, "unitPrice": %d}]}}
                """.formatted(Events.unique("evt"), jst, number, email, yen));
        assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
        return number;
    }

    private void cancel(String number) {
        assertThat(api.postEvent(Events.progressed(
                                Events.unique("evt"), "order.cancelled", number, "2030-12-21T10:00:00+09:00"))
                        .status())
                .isBetween(200, 201);
    }

    private String inquiry(String email, String jst) {
        clock.setJst(jst);
        return inquiries
                .open(new Inquiries.OpenInquiry(
                        storefront.id(),
                        Channel.EMAIL,
                        email,
                        "山田 花子",
                        null,
                        null,
                        Category.OTHER,
                        Priority.NORMAL,
                        "質問",
                        "お尋ねします。",
                        null))
                .reference();
    }
}
