package com.aftercare.web.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.shop.ReportingPeriod;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimChannel;
import com.aftercare.returns.ClaimFigures;
import com.aftercare.returns.ClaimRefunds;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.web.console.figures.FiguresRefresh;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures from known numbers, on one storefront of the test's own: four orders of 2 shirts
 * and 1 mug placed on 2025-11-18 (8 shirts, 4 mugs sold, one order cancelled so 6 and 3 count),
 * claims asked for on 11-25 and refunds on 11-26 and 11-27, fixed by the test clock; and what
 * periods that leave some of it out count.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ClaimFiguresTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    ClaimRequests requests;

    @Autowired
    ClaimWorkflow workflow;

    @Autowired
    ClaimRefunds refunds;

    @Autowired
    ClaimFigures figures;

    @Autowired
    FiguresRefresh refresh;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    private final ReportingPeriod november =
            new ReportingPeriod(LocalDate.parse("2025-11-01"), LocalDate.parse("2025-11-30"));

    @Test
    void shouldCountReturnRatesRefundTotalsAndTimeToRefundFromKnownNumbers() {
        clock.setJst("2025-11-25T10:00");
        TestStorefront storefront = TestStorefronts.create(storefronts);
        Api api = new Api(port, storefront.key());
        TestOrder first = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        TestOrder second = ClaimFixtures.again(api, first, "2025-11-21T11:00:00+09:00");
        TestOrder third = ClaimFixtures.again(api, first, "2025-11-21T11:00:00+09:00");
        TestOrder cancelled = ClaimFixtures.placed(api, "CARD", false);
        ClaimFixtures.progress(api, cancelled, "order.cancelled", "2025-11-19T09:00:00+09:00");

        // 2 shirts (size) refunded after 48 hours, with a 10 % fee: ¥3,240
        String refunded = open(storefront, first, RequestType.RETURN, ReturnReason.SIZE, first.shirt(), 2);
        carryToInspection(refunded);
        clock.setJst("2025-11-27T10:00");
        refunds.refund(new ClaimRefunds.Refund(refunded, "admin", ClaimRefunds.RefundKind.FULL, 10, 0, null));
        // 1 shirt exchanged (size), still open; 1 mug defective, refunded after 24 hours: ¥2,400
        clock.setJst("2025-11-25T10:00");
        ClaimFixtures.policy(jdbc, first.shirt(), "exchange_allowed", "true");
        open(storefront, second, RequestType.EXCHANGE, ReturnReason.SIZE, second.shirt(), 1);
        String mug = open(storefront, third, RequestType.RETURN, ReturnReason.DEFECTIVE, third.mug(), 1);
        carryToInspection(mug);
        clock.setJst("2025-11-26T10:00");
        refunds.refund(new ClaimRefunds.Refund(mug, "admin", ClaimRefunds.RefundKind.FULL, 0, 0, null));
        // a rejected return does not count
        clock.setJst("2025-11-25T10:00");
        String rejected = open(storefront, third, RequestType.RETURN, ReturnReason.OTHER, third.shirt(), 1);
        workflow.reject(rejected, "admin", "対象外です");

        // the rates are read from the per-day aggregate, which the figures' refresh round rebuilds
        refresh.refresh();
        ClaimFigures.Figures f = figures.of(november, storefront.id());

        assertThat(f.byProduct())
                .containsExactly(
                        new ClaimFigures.Rate(first.shirt(), "オーガニックコットンTシャツ", 6, 3, new BigDecimal("50.0")),
                        new ClaimFigures.Rate(first.mug(), "有田焼マグカップ", 3, 1, new BigDecimal("33.3")));
        assertThat(f.byCategory())
                .containsExactly(new ClaimFigures.Rate(first.category(), "", 9, 4, new BigDecimal("44.4")));
        assertThat(f.byReason())
                .containsExactly(
                        new ClaimFigures.ReasonCount("SIZE", 2, 3), new ClaimFigures.ReasonCount("DEFECTIVE", 1, 1));
        assertThat(f.refunds()).containsExactly(new ClaimFigures.RefundTotal("TO_PAYMENT", 2, 5640));
        assertThat(f.timeToRefund())
                .isEqualTo(new ClaimFigures.TimeToRefund(2, new BigDecimal("36.0"), new BigDecimal("36.0")));

        // the orders' days up to the claims, but not the refunds: rates and reasons, no refunds
        ClaimFigures.Figures beforeRefunds = figures.of(
                new ReportingPeriod(LocalDate.parse("2025-11-18"), LocalDate.parse("2025-11-25")), storefront.id());
        assertThat(beforeRefunds.byProduct()).isEqualTo(f.byProduct());
        assertThat(beforeRefunds.byReason()).isEqualTo(f.byReason());
        assertThat(beforeRefunds.refunds()).isEmpty();
        assertThat(beforeRefunds.timeToRefund().refunds()).isZero();
        // December: neither orders nor claims nor refunds
        ClaimFigures.Figures december = figures.of(
                new ReportingPeriod(LocalDate.parse("2025-12-01"), LocalDate.parse("2025-12-31")), storefront.id());
        assertThat(december.byProduct()).isEmpty();
        assertThat(december.byReason()).isEmpty();
        assertThat(december.refunds()).isEmpty();
    }

    @Test
    void shouldShowTheFiguresOfTheChosenPeriodAndAnswerABadOneAtItsField() {
        clock.setJst("2025-11-25T10:00");
        TestStorefront storefront = TestStorefronts.create(storefronts);
        TestOrder order =
                ClaimFixtures.delivered(new Api(port, storefront.key()), "CARD", false, "2025-11-21T11:00:00+09:00");
        refresh.refresh();
        ConsoleClient console = ConsoleClient.loggedInAsAdmin(port);
        String page = "/console/claims/figures";
        String shop = "&storefront=" + storefront.id().value();

        HttpResponse<String> november = console.get(page + "?from=2025-11-01&to=2025-11-30" + shop);
        HttpResponse<String> december = console.get(page + "?from=2025-12-01&to=2025-12-31" + shop);
        HttpResponse<String> backwards = console.get(page + "?from=2025-12-01&to=2025-11-01");
        HttpResponse<String> notADate = console.get(page + "?from=11/01&to=2025-11-30");
        HttpResponse<String> forged = console.get(page + "?from=2025-11-01&to=2025-11-30&storefront=-1");
        HttpResponse<String> farFuture = console.get(page + "?from=%2B300000-01-01&to=%2B300000-01-02");

        assertThat(console.get(page).statusCode())
                .as("the last 30 days by default")
                .isEqualTo(200);
        assertThat(november.statusCode()).isEqualTo(200);
        assertThat(november.body()).contains(order.shirt());
        assertThat(november.body()).as("the rates say when they were counted").contains("id=\"rates-as-of\"");
        assertThat(december.statusCode()).isEqualTo(200);
        assertThat(december.body()).doesNotContain(order.shirt());
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"to-error\"");
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.body()).contains("id=\"from-error\"");
        assertThat(farFuture.statusCode()).as("a year no figures can have").isEqualTo(400);
        assertThat(farFuture.body()).contains("id=\"from-error\"");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("id=\"storefront-error\"");
    }

    String open(
            TestStorefront storefront, TestOrder order, RequestType type, ReturnReason reason, String sku, int qty) {
        return requests.open(new ClaimRequests.OpenClaim(
                        storefront.id(),
                        order.number(),
                        type,
                        reason,
                        List.of(new ClaimRequests.LineRequest(sku, qty, null)),
                        null,
                        null,
                        false,
                        ClaimChannel.API,
                        null,
                        null,
                        ClaimRequests.CUSTOMER))
                .rma();
    }

    void carryToInspection(String rma) {
        workflow.approve(rma, "admin", null);
        workflow.awaitItem(rma, "admin");
        workflow.receive(rma, "admin");
        workflow.inspect(rma, "admin", null, false);
    }
}
