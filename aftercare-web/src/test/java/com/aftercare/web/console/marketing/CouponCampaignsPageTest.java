package com.aftercare.web.console.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.coupon.CampaignFigures;
import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.coupon.CouponFigures;
import com.aftercare.domain.coupon.CouponPurpose;
import com.aftercare.domain.coupon.CouponRedemption;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.coupon.Discount;
import com.aftercare.domain.coupon.IssuedCoupon;
import com.aftercare.domain.coupon.NewCampaign;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The coupon campaigns page: supervisors only, field messages on bad input, figures that add up. */
@AftercareIntegrationTest
class CouponCampaignsPageTest {

    private static final String PAGE = "/console/marketing/coupons";

    @LocalServerPort
    int port;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Coupons coupons;

    @Autowired
    CouponFigures figures;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldLetASupervisorCreateACampaignThatTheListThenShows() {
        ConsoleClient supervisor = MarketingConsole.as(Operators.Role.SUPERVISOR, operators, encoder, port);
        String name = Events.unique("年末クーポン");

        HttpResponse<String> created = supervisor.postForm(PAGE, PAGE, form(Map.of("name", name)));

        assertThat(created.statusCode()).isEqualTo(302);
        String page = supervisor.get(PAGE).body();
        assertThat(page).contains(name).contains("10%").contains("¥3,000").contains("2030-01-01 00:00 まで");
        assertThat(jdbc.sql(
                                "select count(*) from audit_log where action = 'coupon.campaign.created' and details::text like :n")
                        .param("n", "%" + name + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String reusable = Events.unique("何度でも");
        supervisor.postForm(PAGE, PAGE, form(Map.of("name", reusable, "reusable", "true")));
        assertThat(jdbc.sql("select single_use from coupon_campaign where name in (:names) order by id")
                        .param("names", java.util.List.of(name, reusable))
                        .query(Boolean.class)
                        .list())
                .containsExactly(true, false);
    }

    @Test
    void shouldAnswerBadInputWithAMessageAtEachFieldAndCreateNothing() {
        ConsoleClient supervisor = MarketingConsole.as(Operators.Role.SUPERVISOR, operators, encoder, port);
        long before = campaignCount();

        HttpResponse<String> blankName = supervisor.postForm(PAGE, PAGE, form(Map.of("name", " ")));
        HttpResponse<String> overHundred = supervisor.postForm(PAGE, PAGE, form(Map.of("discountValue", "150")));
        HttpResponse<String> past = supervisor.postForm(PAGE, PAGE, form(Map.of("expiresOn", "2020-01-01")));
        HttpResponse<String> notANumber = supervisor.postForm(PAGE, PAGE, form(Map.of("discountValue", "十")));
        HttpResponse<String> noExpiry = supervisor.postForm(PAGE, PAGE, form(Map.of("expiresOn", "")));

        assertThat(blankName.statusCode()).isEqualTo(400);
        assertThat(blankName.body()).contains("id=\"name-error\"").contains("名前を入力してください。");
        assertThat(overHundred.statusCode()).isEqualTo(400);
        assertThat(overHundred.body()).contains("id=\"discountValue-error\"").contains("100 以下");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("id=\"expiresOn-error\"").contains("今日以降の日付");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("id=\"discountValue-error\"");
        assertThat(noExpiry.statusCode()).isEqualTo(400);
        assertThat(noExpiry.body()).contains("id=\"expiresOn-error\"");
        assertThat(campaignCount()).isEqualTo(before);
    }

    @Test
    void shouldKeepOperatorsAndForgedPostsOut() {
        ConsoleClient operator = MarketingConsole.as(Operators.Role.OPERATOR, operators, encoder, port);
        ConsoleClient supervisor = MarketingConsole.as(Operators.Role.SUPERVISOR, operators, encoder, port);
        long before = campaignCount();

        assertThat(operator.get(PAGE).statusCode()).isEqualTo(403);
        assertThat(operator.postWithoutToken(PAGE, form(Map.of())).statusCode()).isEqualTo(403);
        assertThat(supervisor.postWithoutToken(PAGE, form(Map.of())).statusCode())
                .isEqualTo(403);
        assertThat(new ConsoleClient(port).get(PAGE).statusCode()).isEqualTo(302);
        assertThat(operator.get("/console").body()).doesNotContain("nav-marketing");
        assertThat(supervisor.get("/console").body()).contains("nav-marketing");
        assertThat(campaignCount()).isEqualTo(before);
    }

    @Test
    void shouldCountIssuedRedeemedRateAndRevenueOfRedeemedOrdersPerCampaign() {
        TestStorefront storefront = TestStorefronts.create(storefronts);
        String orderNumber = Events.unique("O");
        // an order of 2 x ¥1,800 + ¥2,400 + ¥550 shipping = ¥6,550 that the storefront reports without a total
        new Api(port, storefront.key())
                .postEvent(Events.placed(Events.unique("evt"), orderNumber, Events.unique("fig") + "@example.jp"));
        CampaignId campaign = coupons.createCampaign(new NewCampaign(
                Events.unique("集計"),
                CouponPurpose.PROMOTION,
                Discount.yen(500),
                0,
                Instant.parse("2030-01-01T00:00:00Z"),
                null,
                true,
                null));
        IssuedCoupon[] issued = new IssuedCoupon[4];
        for (int i = 0; i < issued.length; i++) {
            issued[i] = coupons.issue(campaign, customer(), "figures");
        }
        coupons.redeem(use(storefront, issued[0], "X-1", 4_780L));
        coupons.redeem(use(storefront, issued[1], orderNumber, null));

        CampaignFigures row = figures.campaigns().stream()
                .filter(c -> c.id().equals(campaign))
                .findFirst()
                .orElseThrow();

        assertThat(row.issued()).isEqualTo(4);
        assertThat(row.redeemedCodes()).isEqualTo(2);
        assertThat(row.redemptionRatePercent()).isEqualTo(new BigDecimal("50.0"));
        assertThat(row.discountYen()).isEqualTo(1_000);
        assertThat(row.revenueYen()).isEqualTo(4_780 + 6_550);
        String page = MarketingConsole.as(Operators.Role.SUPERVISOR, operators, encoder, port)
                .get(PAGE)
                .body();
        String tableRow = page.substring(page.indexOf("id=\"campaign-" + campaign.value() + "\""));
        tableRow = tableRow.substring(0, tableRow.indexOf("</tr>"));
        assertThat(tableRow).contains(">4<").contains(">2<").contains("50.0%").contains("¥11,330");
    }

    @Test
    void shouldExportEveryCodeOfACampaignWithItsCustomerAndUsesMaskedUnlessRevealed() throws IOException {
        TestStorefront storefront = TestStorefronts.create(storefronts);
        CampaignId campaign = coupons.createCampaign(new NewCampaign(
                Events.unique("コード一覧"),
                CouponPurpose.PROMOTION,
                Discount.yen(500),
                0,
                Instant.parse("2030-01-01T00:00:00Z"),
                null,
                true,
                null));
        IssuedCoupon used = coupons.issue(campaign, customer(), "codes");
        IssuedCoupon unused = coupons.issue(campaign, customer(), "codes");
        coupons.redeem(use(storefront, used, "X-CODES", 4_780L));
        ConsoleClient supervisor = MarketingConsole.as(Operators.Role.SUPERVISOR, operators, encoder, port);
        String export = PAGE + "/" + campaign.value() + "/codes/export";

        List<CSVRecord> masked = rows(supervisor.download(export));
        List<CSVRecord> revealed = rows(supervisor.download(export + "?reveal=true"));

        assertThat(supervisor.get(PAGE).body()).contains("href=\"" + export + "\"");
        assertThat(masked.get(0).get(0)).isEqualTo("コード");
        assertThat(masked).hasSize(3);
        CSVRecord first = masked.get(1);
        assertThat(first.get(0)).isEqualTo(used.code().value());
        assertThat(first.get(1)).isEqualTo(Long.toString(used.customer().value()));
        assertThat(first.get(3)).contains("***").doesNotContain(email(used));
        assertThat(first.get(7)).isEqualTo("1");
        assertThat(first.get(8)).isEqualTo("500");
        assertThat(first.get(10)).isEqualTo("X-CODES");
        CSVRecord second = masked.get(2);
        assertThat(second.get(0)).isEqualTo(unused.code().value());
        assertThat(second.get(7)).isEqualTo("0");
        assertThat(second.get(9)).isEmpty();
        assertThat(revealed.get(1).get(3)).isEqualTo(email(used));
        assertThat(jdbc.sql("""
                        select count(*) from audit_log where action = 'csv.exported' and target_id = 'coupon-codes'
                           and details -> 'filter' ->> 'campaign' = :campaign
                           and (details -> 'filter' ->> 'reveal')::boolean
                        """)
                        .param("campaign", Long.toString(campaign.value()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void shouldKeepACampaignsCodesFromOperatorsAndAnswerAnUnknownCampaignWith404() {
        ConsoleClient operator = MarketingConsole.as(Operators.Role.OPERATOR, operators, encoder, port);
        ConsoleClient supervisor = MarketingConsole.as(Operators.Role.SUPERVISOR, operators, encoder, port);
        CampaignId campaign = coupons.createCampaign(new NewCampaign(
                Events.unique("鍵"), CouponPurpose.PROMOTION, Discount.yen(100), 0, null, 30, true, null));

        assertThat(operator.download(PAGE + "/" + campaign.value() + "/codes/export")
                        .statusCode())
                .isEqualTo(403);
        assertThat(supervisor.download(PAGE + "/999999999/codes/export").statusCode())
                .isEqualTo(404);
        // a path that names no campaign, as the console answers every id that is not a number
        assertThat(supervisor.download(PAGE + "/nonsense/codes/export").statusCode())
                .isEqualTo(404);
    }

    private String email(IssuedCoupon coupon) {
        return jdbc.sql("select email from customer where id = :id")
                .param("id", coupon.customer().value())
                .query(String.class)
                .single();
    }

    private static List<CSVRecord> rows(HttpResponse<byte[]> csv) throws IOException {
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1)))) {
            return parser.getRecords();
        }
    }

    private CustomerId customer() {
        return new CustomerId(jdbc.sql("""
                        insert into customer (email, email_normalized, name) values (:e, :e, '集計 太郎') returning id
                        """)
                .param("e", Events.unique("fig") + "@example.jp")
                .query(Long.class)
                .single());
    }

    private static CouponRedemption use(TestStorefront at, IssuedCoupon coupon, String order, Long total) {
        return new CouponRedemption(
                at.id(),
                coupon.code(),
                new OrderNumber(order),
                500,
                total,
                Instant.parse("2029-06-01T00:00:00Z"),
                Events.unique("evt"));
    }

    private long campaignCount() {
        return jdbc.sql("select count(*) from coupon_campaign")
                .query(Long.class)
                .single();
    }

    private static Map<String, String> form(Map<String, String> overrides) {
        Map<String, String> form = new HashMap<>(Map.of(
                "name", "年末クーポン",
                "purpose", "PROMOTION",
                "discountKind", "PERCENT",
                "discountValue", "10",
                "minimumSpendYen", "3000",
                "expiresOn", "2029-12-31",
                "validDays", ""));
        form.putAll(overrides);
        return form;
    }
}
